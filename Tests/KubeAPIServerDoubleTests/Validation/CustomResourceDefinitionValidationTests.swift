import Testing
@testable import KubeAPIServerDouble

@Suite("CustomResourceDefinition validation")
struct CustomResourceDefinitionValidationTests {
    static let invalidApproval =
        #"metadata.annotations[api-approved.kubernetes.io]: Invalid value: "approved": protected groups must have approval annotation "api-approved.kubernetes.io" with either a URL or a reason starting with "unapproved", see https://github.com/kubernetes/enhancements/pull/1111"#

    @Test("each problem is reported as the apiserver words it", arguments: [
        ("a valid CRD outside protected groups", CRDFixtures.crd(), [String]()),
        ("a protected group with the unapproved annotation",
         CRDFixtures.crd(group: "alpha.network.k8s.io", plural: "networks", approval: "unapproved, experimental"), []),
        ("a protected group with an approving URL",
         CRDFixtures.crd(group: "alpha.network.k8s.io", plural: "networks", approval: "https://github.com/kubernetes/enhancements/pull/1111"), []),
        ("a protected group without the annotation",
         CRDFixtures.crd(group: "alpha.network.k8s.io", plural: "networks"), [CRDFixtures.missingApprovalMessage]),
        ("kubernetes.io itself without the annotation",
         CRDFixtures.crd(group: "kubernetes.io", plural: "things"), [CRDFixtures.missingApprovalMessage]),
        ("a protected group with an annotation that is neither",
         CRDFixtures.crd(group: "alpha.network.k8s.io", plural: "networks", approval: "approved"), [Self.invalidApproval]),
        ("a name that is not plural.group",
         CRDFixtures.crd(name: "nads.k8s.cni.cncf.io"),
         [#"metadata.name: Invalid value: "nads.k8s.cni.cncf.io": must be spec.names.plural+"."+spec.group"#]),
        ("a group without a dot",
         CRDFixtures.crd(group: "local", plural: "things"),
         [#"spec.group: Invalid value: "local": should be a domain with at least one dot"#]),
        ("an unknown scope",
         CRDFixtures.crd(scope: "Global"),
         [#"spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced""#]),
        ("no versions",
         CRDFixtures.crd(versions: []), ["spec.versions: Required value: must have at least one version"]),
        ("two storage versions",
         CRDFixtures.crd(versions: [
            ["name": "v1", "served": true, "storage": true, "schema": ["openAPIV3Schema": ["type": "object"]]],
            ["name": "v2", "served": true, "storage": true, "schema": ["openAPIV3Schema": ["type": "object"]]],
         ]),
         ["spec.versions: Invalid value: 2: must have exactly one version marked as storage version"]),
        ("a version without a schema",
         CRDFixtures.crd(versions: [["name": "v1", "served": true, "storage": true]]),
         ["spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required"]),
        ("a schema that is not an object at the root",
         CRDFixtures.crd(versions: CRDFixtures.versions(schema: ["type": "string"])),
         [#"spec.versions[0].schema.openAPIV3Schema.type: Invalid value: "string": must be object at the root"#]),
        ("a property without a type",
         CRDFixtures.crd(versions: CRDFixtures.versions(schema: [
            "type": "object", "properties": ["spec": ["type": "object", "properties": ["config": ["description": "x"]]]],
         ])),
         ["spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[config].type: Required value: must not be empty for specified object fields"]),
        ("preserve-unknown-fields needs no type",
         CRDFixtures.crd(versions: CRDFixtures.versions(schema: [
            "type": "object", "properties": ["spec": ["x-kubernetes-preserve-unknown-fields": true]],
         ])), []),
    ] as [(String, KubeJSON, [String])])
    func problems(_ description: String, crd: KubeJSON, expected: [String]) {
        let causes = CustomResourceDefinitionValidation.problems(crd)
        #expect(causes.map { "\($0.field ?? ""): \($0.message)" } == expected, "\(description)")
    }

    @Test("creating a CRD in a protected group without approval is 422 with the apiserver's message")
    func createRejected() throws {
        var store = makeStore()
        let crd = CRDFixtures.crd(group: "alpha.network.k8s.io", plural: "networks")
        let error = #expect(throws: APIStatusError.self) {
            try store.create(.customResourceDefinitions, namespace: nil, object: crd)
        }
        #expect(error?.code == 422)
        #expect(error?.reason == "Invalid")
        #expect(error?.message == "CustomResourceDefinition.apiextensions.k8s.io \"networks.alpha.network.k8s.io\" is invalid: "
            + CRDFixtures.missingApprovalMessage)
        #expect(error?.details?.causes.first?.reason == "FieldValueRequired")
        #expect(error?.details?.causes.first?.field == "metadata.annotations[api-approved.kubernetes.io]")
    }

    @Test("a created CRD is established, and an update that keeps its approval state passes")
    func createAndUpdate() throws {
        var store = makeStore()
        let crd = CRDFixtures.crd(group: "alpha.network.k8s.io", plural: "networks", approval: "unapproved, experimental")
        let (created, _) = try store.create(.customResourceDefinitions, namespace: nil, object: crd)
        let conditions = created.value(at: "status.conditions")?.arrayValue ?? []
        #expect(conditions.contains { $0["type"] == "Established" && $0["status"] == "True" })
        #expect(created.value(at: "status.acceptedNames.plural") == "networks")
        #expect(created.value(at: "metadata.namespace") == nil)

        // Dropping the annotation on an update is the same error as on create.
        let error = #expect(throws: APIStatusError.self) {
            try store.patch(
                .customResourceDefinitions, namespace: nil, name: "networks.alpha.network.k8s.io", type: .merge,
                patch: ["metadata": ["annotations": [APIApprovalState.annotation: .null]]])
        }
        #expect(error?.code == 422)
        #expect(error?.message.hasSuffix(CRDFixtures.missingApprovalMessage) == true)

        // A spec change that leaves the annotation alone is fine.
        let (updated, _) = try store.patch(
            .customResourceDefinitions, namespace: nil, name: "networks.alpha.network.k8s.io", type: .merge,
            patch: ["spec": ["names": ["shortNames": ["net"]]]])
        #expect(updated.value(at: "metadata.generation") == 2)
    }
}
