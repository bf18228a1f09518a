import Testing
@testable import KubeAPIServerDouble

@Suite("Routing")
struct RouterTests {
    typealias Path = Route.ResourcePath

    @Test("paths name routes", arguments: [
        ("/version", Route.version),
        ("/healthz", .health),
        ("/api", .coreVersions),
        ("/apis", .groupList),
        ("/apis/k8s.cni.cncf.io", .group("k8s.cni.cncf.io")),
        ("/api/v1", .resourceList(group: "", version: "v1")),
        ("/apis/alpha.network.k8s.io/v1", .resourceList(group: "alpha.network.k8s.io", version: "v1")),
        ("/api/v1/pods", .resource(Path(resource: .pods))),
        ("/api/v1/namespaces/default/pods", .resource(Path(resource: .pods, namespace: "default"))),
        ("/api/v1/namespaces/default/pods/web", .resource(Path(resource: .pods, namespace: "default", name: "web"))),
        ("/api/v1/namespaces/default/pods/web/status",
         .resource(Path(resource: .pods, namespace: "default", name: "web", subresource: "status"))),
        ("/api/v1/namespaces", .resource(Path(resource: .namespaces))),
        ("/api/v1/namespaces/default", .resource(Path(resource: .namespaces, name: "default"))),
        ("/api/v1/namespaces/default/status", .resource(Path(resource: .namespaces, name: "default", subresource: "status"))),
        ("/apis/k8s.cni.cncf.io/v1/network-attachment-definitions", .resource(Path(resource: .networkAttachmentDefinitions))),
        ("/apis/k8s.cni.cncf.io/v1/namespaces/ns1/network-attachment-definitions/net1",
         .resource(Path(resource: .networkAttachmentDefinitions, namespace: "ns1", name: "net1"))),
        ("/apis/alpha.network.k8s.io/v1/namespaces/ns1/networks", .resource(Path(resource: .networks, namespace: "ns1"))),
        ("/api/v2/pods", .notFound),
        ("/apis/batch/v1", .notFound),
        ("/apis/apps/v1", .resourceList(group: "apps", version: "v1")),
        ("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/networks.alpha.network.k8s.io",
         .resource(Path(resource: .customResourceDefinitions, name: "networks.alpha.network.k8s.io"))),
        ("/apis/apps/v1/namespaces/kube-system/daemonsets/multinet",
         .resource(Path(resource: .daemonSets, namespace: "kube-system", name: "multinet"))),
        ("/api/v1/services", .notFound),
        ("/api/v1/pods/web", .notFound),
        ("/openapi/v2", .openAPIV2),
        ("/openapi/v3", .notFound),
        ("/", .notFound),
    ] as [(String, Route)])
    func routes(path: String, route: Route) {
        #expect(Router().route(path) == route)
    }
}
