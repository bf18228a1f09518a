import Testing
@testable import KubeAPIServerDouble

@Suite("DaemonSet validation")
struct DaemonSetValidationTests {
    static func daemonSet(selector: KubeJSON, labels: KubeJSON, containers: KubeJSON) -> KubeJSON {
        [
            "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": ["name": "multinet", "namespace": "kube-system"],
            "spec": [
                "selector": ["matchLabels": selector],
                "template": ["metadata": ["labels": labels], "spec": ["containers": containers]],
            ],
        ]
    }

    static let container: KubeJSON = [["name": "install", "image": "multinet"]]

    @Test("selectors, labels and containers", arguments: [
        (Self.daemonSet(selector: ["app": "multinet"], labels: ["app": "multinet", "tier": "node"], containers: Self.container),
         [String]()),
        (Self.daemonSet(selector: ["app": "multinet"], labels: ["app": "other"], containers: Self.container),
         [#"spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`"#]),
        (Self.daemonSet(selector: [:], labels: ["app": "multinet"], containers: Self.container),
         [#"spec.selector: Invalid value: "null": empty selector is invalid for daemonset"#]),
        (Self.daemonSet(selector: ["app": "multinet"], labels: ["app": "multinet"], containers: [["name": "install"]]),
         ["spec.template.spec.containers[0].image: Required value"]),
    ] as [(KubeJSON, [String])])
    func problems(daemonSet: KubeJSON, expected: [String]) {
        let causes = DaemonSetValidation.problems(daemonSet)
        #expect(causes.map { "\($0.field ?? ""): \($0.message)" } == expected)
    }

    @Test("a created DaemonSet has a generation and an empty status")
    func create() throws {
        var store = makeStore()
        let body = Self.daemonSet(selector: ["app": "multinet"], labels: ["app": "multinet"], containers: Self.container)
        let (created, _) = try store.create(.daemonSets, namespace: "kube-system", object: body)
        #expect(created.value(at: "metadata.generation") == 1)
        #expect(created.value(at: "status.desiredNumberScheduled") == 0)
    }
}
