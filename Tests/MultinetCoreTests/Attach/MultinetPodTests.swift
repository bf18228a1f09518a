import Testing
@testable import MultinetCore
@testable import MultinetCNI

@Suite("multinet plugin: the pod and its annotations")
struct MultinetPodTests {
    func fixture() throws -> (MultinetFixture, FakeKube, Multinet) {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", MultinetTests.bridgeList)
        let kube = FakeKube()
        var plugin = f.plugin
        plugin.kubeFactory = kube
        return (f, kube, plugin)
    }

    @Test("ADD reads the pod named in CNI_ARGS; DEL never contacts the apiserver")
    func readsPod() async throws {
        let (f, kube, plugin) = try fixture()
        kube.add(PodInfo(namespace: "default", name: "web", uid: "u1", annotations: ["unrelated": "x"]))
        _ = try await plugin.add(f.request(.add))
        #expect(kube.requests == 1)
        try await plugin.check(f.request(.check))
        try await plugin.del(f.request(.del))
        #expect(kube.requests == 1)
        #expect(kube.made == 1)
    }

    @Test("a UID mismatch fails the ADD naming both UIDs, with nothing attached")
    func uidMismatch() async throws {
        let (f, kube, plugin) = try fixture()
        kube.add(PodInfo(namespace: "default", name: "web", uid: "new-uid", annotations: [:]))
        await #expect {
            try await plugin.add(f.request(.add))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.unknownContainer && error.msg.contains("u1") && error.msg.contains("new-uid")
        }
        #expect(f.executor.calls.isEmpty)
        #expect(try f.store().allAttachments().isEmpty)
    }

    @Test("apiserver trouble fails the ADD with its code, with nothing attached")
    func apiserverDown() async throws {
        let (f, kube, plugin) = try fixture()
        kube.fail(with: CNIError(code: CNIErrorCode.tryAgainLater, msg: "apiserver https://10.0.0.1:6443 unreachable"))
        await #expect {
            try await plugin.add(f.request(.add))
        } throws: { CNIError(reporting: $0).code == CNIErrorCode.tryAgainLater }
        #expect(f.executor.calls.isEmpty)
        #expect(try f.store().allAttachments().isEmpty)
    }

    @Test("annotations passed in runtimeConfig skip the apiserver")
    func runtimeAnnotations() async throws {
        let (f, kube, plugin) = try fixture()
        _ = try await plugin.add(f.request(.add, extra: #","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"a":"b"}}"#))
        #expect(kube.made == 0)
        #expect(f.executor.trace.first == "bridge ADD eth0")
    }

    @Test("a selected NetworkAttachmentDefinition that does not exist fails the ADD naming it, with nothing run")
    func selectionsRefused() async throws {
        let (f, _, plugin) = try fixture()
        await #expect {
            try await plugin.add(f.request(.add, extra: #","runtimeConfig":{"io.kubernetes.cri.pod-annotations":{"k8s.v1.cni.cncf.io/networks":"macvlan-conf"}}"#))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.invalidNetworkConfig && error.msg.contains("pod default/web")
                && error.msg.contains("NetworkAttachmentDefinition default/macvlan-conf does not exist")
        }
        #expect(f.executor.calls.isEmpty)
    }

    @Test("a malformed annotation fails the ADD naming the annotation and element")
    func malformedAnnotation() async throws {
        let (f, kube, plugin) = try fixture()
        kube.add(PodInfo(namespace: "default", name: "web", uid: "u1", annotations: ["k8s.v1.cni.cncf.io/networks": "a@b@c"]))
        await #expect {
            try await plugin.add(f.request(.add))
        } throws: { error in
            CNIError(reporting: error).msg.contains("annotation k8s.v1.cni.cncf.io/networks, element 1")
        }
        #expect(f.executor.calls.isEmpty)
    }
}
