import Testing
@testable import KubeAPIServerDouble

@Test("the module links")
func links() {
    #expect(String(describing: KubeAPIServerDouble.self) == "KubeAPIServerDouble")
}
