import Testing
@testable import KubeAPIServerDouble

@Suite("Content negotiation and query strings")
struct NegotiationTests {
    @Test("Accept headers choose the encoding", arguments: [
        (nil, "Metadata", ResponseEncoding.plain),
        ("application/json", nil, .plain),
        ("*/*", nil, .plain),
        ("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", nil, .table(includeObject: "Metadata")),
        ("application/json;as=Table;v=v1beta1;g=meta.k8s.io", "Object", .table(includeObject: "Object")),
        ("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json", nil, .plain),
        ("application/vnd.kubernetes.protobuf,application/json", nil, .plain),
    ] as [(String?, String?, ResponseEncoding)])
    func negotiate(accept: String?, includeObject: String?, encoding: ResponseEncoding) throws {
        #expect(try ResponseEncoding.negotiate(accept: accept, includeObject: includeObject) == encoding)
    }

    @Test("PartialObjectMetadata fits one object or a watch, PartialObjectMetadataList only a list", arguments: [
        ("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json", true, ResponseEncoding.partialMetadata(list: true)),
        ("application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json", false, .plain),
        ("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json", false, .partialMetadata(list: false)),
        ("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1beta1", false, .partialMetadata(list: false)),
        ("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json", true, .plain),
        ("application/json;as=PartialObjectMetadata;g=example.com;v=v1,application/json", false, .plain),
        ("application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json",
         true, .partialMetadata(list: true)),
    ] as [(String, Bool, ResponseEncoding)])
    func partialMetadata(accept: String, list: Bool, encoding: ResponseEncoding) throws {
        #expect(try ResponseEncoding.negotiate(accept: accept, includeObject: nil, list: list) == encoding)
    }

    @Test("a list asked for only as PartialObjectMetadata is 406, as from the apiserver")
    func partialMetadataOfAList() {
        let error = #expect(throws: APIStatusError.self) {
            try ResponseEncoding.negotiate(accept: "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1",
                                           includeObject: nil, list: true)
        }
        #expect(error?.code == 406)
    }

    @Test("only unsupported representations is 406")
    func notAcceptable() {
        let error = #expect(throws: APIStatusError.self) {
            try ResponseEncoding.negotiate(accept: "application/vnd.kubernetes.protobuf", includeObject: nil)
        }
        #expect(error?.code == 406)
    }

    @Test("query strings decode", arguments: [
        ("fieldSelector=spec.nodeName%3Dnode-a&limit=500", "fieldSelector", "spec.nodeName=node-a"),
        ("labelSelector=app+in+%28a%2Cb%29", "labelSelector", "app in (a,b)"),
        ("watch", "watch", ""),
        ("a=1&a=2", "a", "1"),
        ("bad=%zz", "bad", "%zz"),
    ])
    func query(query: String, name: String, value: String) {
        #expect(QueryString.parse(query)[name]?.first == value)
    }

    @Test("encoding then decoding is the identity", arguments: ["a b", "k=v,x!=y", "ü/€", "eyJ2Ijo=="])
    func encodeDecode(text: String) {
        #expect(QueryString.decode(QueryString.encode(text)) == text)
    }

    @Test("request targets split into a decoded path and the raw query")
    func requestTarget() {
        let request = APIRequest(method: "get", target: "/api/v1/namespaces/a%2Bb/pods?watch=1", headers: [("Accept", "x"), ("accept", "y")])
        #expect(request.method == "GET")
        #expect(request.path == "/api/v1/namespaces/a+b/pods")
        #expect(request.rawQuery == "watch=1")
        #expect(request.queryFlag("watch"))
        #expect(request.header("ACCEPT") == "x,y")
    }
}
