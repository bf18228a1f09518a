import Testing
@testable import KubeAPIServerDouble

@Suite("The api-approved.kubernetes.io annotation")
struct APIApprovalStateTests {
    @Test("which groups are protected", arguments: [
        ("k8s.io", true), ("alpha.network.k8s.io", true), ("networking.k8s.io", true),
        ("kubernetes.io", true), ("x.kubernetes.io", true),
        ("k8s.cni.cncf.io", false), ("example.com", false), ("notk8s.io", false), ("k8s.io.example.com", false),
        ("kubernetes.io.evil", false),
    ])
    func protected(group: String, isProtected: Bool) {
        #expect(APIApprovalState.isProtected(group: group) == isProtected)
    }

    @Test("how a value reads", arguments: [
        (nil, APIApprovalState.missing), ("", .missing),
        ("unapproved, experimental", .bypassed), ("unapproved", .bypassed),
        ("https://github.com/kubernetes/enhancements/pull/1111", .approved), ("http://example.com", .approved),
        ("approved", .invalid), ("github.com/kubernetes/kubernetes/pull/1", .invalid), ("https://", .invalid),
        ("Unapproved", .invalid),
    ] as [(String?, APIApprovalState)])
    func state(value: String?, expected: APIApprovalState) {
        #expect(APIApprovalState(value) == expected)
    }
}
