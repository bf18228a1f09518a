extension ServedResource {
    /// Core `v1` `serviceaccounts`.
    public static let serviceAccounts = ServedResource(
        group: "", version: "v1", plural: "serviceaccounts", singular: "serviceaccount", kind: "ServiceAccount",
        shortNames: ["sa"], allowsUnconditionalUpdate: true, deleteReturnsObject: true)

    /// Core `v1` `configmaps`.
    public static let configMaps = ServedResource(
        group: "", version: "v1", plural: "configmaps", singular: "configmap", kind: "ConfigMap",
        shortNames: ["cm"], allowsUnconditionalUpdate: true, deleteReturnsObject: true)

    /// `apps/v1` `daemonsets`.
    public static let daemonSets = ServedResource(
        group: "apps", version: "v1", plural: "daemonsets", singular: "daemonset", kind: "DaemonSet",
        shortNames: ["ds"], hasStatusSubresource: true, allowsUnconditionalUpdate: true, deleteReturnsObject: true,
        categories: ["all"], tracksGeneration: true)

    /// `rbac.authorization.k8s.io/v1` `clusterroles` (cluster-scoped).
    public static let clusterRoles = ServedResource(
        group: "rbac.authorization.k8s.io", version: "v1", plural: "clusterroles", singular: "clusterrole",
        kind: "ClusterRole", namespaced: false, allowsUnconditionalUpdate: true)

    /// `rbac.authorization.k8s.io/v1` `clusterrolebindings` (cluster-scoped).
    public static let clusterRoleBindings = ServedResource(
        group: "rbac.authorization.k8s.io", version: "v1", plural: "clusterrolebindings",
        singular: "clusterrolebinding", kind: "ClusterRoleBinding", namespaced: false,
        allowsUnconditionalUpdate: true)

    /// `apiextensions.k8s.io/v1` `customresourcedefinitions` (cluster-scoped). Creating one
    /// is validated as the apiserver does (see ``CustomResourceDefinitionValidation``); the
    /// double does not start serving the kind it defines: the kinds multinet uses are
    /// served from the start.
    public static let customResourceDefinitions = ServedResource(
        group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions",
        singular: "customresourcedefinition", kind: "CustomResourceDefinition", shortNames: ["crd", "crds"],
        namespaced: false, hasStatusSubresource: true, allowsUnconditionalUpdate: true, deleteReturnsObject: true,
        categories: ["api-extensions"], tracksGeneration: true)
}
