@testable import KubeAPIServerDouble

/// CustomResourceDefinition bodies for validation tests.
enum CRDFixtures {
    /// A valid CRD of `plural.group` (named so unless `name` says otherwise), with the
    /// approval annotation set to `approval` when given.
    static func crd(
        group: String = "k8s.cni.cncf.io", plural: String = "network-attachment-definitions", name: String? = nil,
        approval: String? = nil, scope: String = "Namespaced",
        versions: KubeJSON = [["name": "v1", "served": true, "storage": true, "schema": ["openAPIV3Schema": ["type": "object"]]]]
    ) -> KubeJSON {
        var metadata: KubeJSON.Object = ["name": .string(name ?? "\(plural).\(group)")]
        if let approval { metadata["annotations"] = [APIApprovalState.annotation: .string(approval)] }
        return [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": .object(metadata),
            "spec": [
                "group": .string(group), "scope": .string(scope),
                "names": ["plural": .string(plural), "singular": "thing", "kind": "Thing"],
                "versions": versions,
            ],
        ]
    }

    /// One served storage version `v1` with `schema` as its openAPIV3Schema.
    static func versions(schema: KubeJSON) -> KubeJSON {
        [["name": "v1", "served": true, "storage": true, "schema": ["openAPIV3Schema": schema]]]
    }

    /// The protected-group message of the apiserver, for a missing annotation.
    static let missingApprovalMessage =
        #"metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111"#
}
