import Testing
@testable import MultinetModel
import MultinetCNI

@Suite("the pod named in CNI_ARGS")
struct PodReferenceTests {
    @Test("K8S_POD_NAMESPACE and K8S_POD_NAME must be Kubernetes names before they reach an apiserver path", arguments: [
        ("team-a", "web-0", nil),
        ("", "", nil),
        ("..", "web", "K8S_POD_NAMESPACE \"..\""),
        ("kube-system/../default", "web", "K8S_POD_NAMESPACE"),
        ("Team", "web", "K8S_POD_NAMESPACE"),
        ("team-a", "web/../../secrets", "K8S_POD_NAME \"web/../../secrets\""),
        ("team-a", "..", "K8S_POD_NAME"),
        ("team-a", "web\u{0}x", "K8S_POD_NAME"),
        ("team-a", String(repeating: "w", count: 254), "the limit is 253"),
    ] as [(String, String, String?)])
    func argumentError(namespace: String, name: String, fragment: String?) {
        let error = PodReference(namespace: namespace, name: name, uid: "u").argumentError?.cniError
        if let fragment {
            #expect(error?.code == 4)
            #expect(error?.description.contains(fragment) == true, "\(String(describing: error))")
        } else {
            #expect(error == nil)
        }
    }
}
