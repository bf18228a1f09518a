import Testing
@testable import MultinetKube
@testable import MultinetKubeAPI

extension KubeTests {
    @Suite("Kubernetes encodings")
    struct KubeEncodingTests {
        @Test("base64 round-trips every length", arguments: 0...7)
        func base64RoundTrip(length: Int) {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }

        @Test("base64 known values and rejections", arguments: [
            ("aGVsbG8=", Array("hello".utf8) as [UInt8]?),
            ("aGVsbG8", Array("hello".utf8)),
            ("aGVs\nbG8=\n", Array("hello".utf8)),
            ("", []),
            ("aGVsbG8*", nil),
            ("a", nil),
            ("aGVsbG8=x", nil),
            ("aGVsbA===", nil),
        ])
        func base64Decoding(text: String, bytes: [UInt8]?) {
            #expect(Base64.decode(text) == bytes)
        }

        @Test("RFC 3339 timestamps", arguments: [
            ("1970-01-01T00:00:00Z", 0.0 as Double?),
            ("2023-11-14T22:13:20Z", 1_700_000_000),
            ("2023-11-15T00:13:20+02:00", 1_700_000_000),
            ("2023-11-14T22:13:20.5Z", 1_700_000_000.5),
            ("2023-11-14 22:13:20Z", 1_700_000_000),
            ("2023-11-14T22:13:20", nil),
            ("2023-13-14T22:13:20Z", nil),
            ("yesterday", nil),
        ])
        func rfc3339(text: String, seconds: Double?) {
            #expect(RFC3339.secondsSinceEpoch(text) == seconds)
        }

        @Test("server URLs", arguments: [
            ("https://10.0.0.1:6443", KubeServerURL(host: "10.0.0.1", port: 6443) as KubeServerURL?),
            ("https://kube.example", KubeServerURL(host: "kube.example", port: 443)),
            ("http://localhost:8080/", KubeServerURL(scheme: "http", host: "localhost", port: 8080)),
            ("kube.example:6443", KubeServerURL(host: "kube.example", port: 6443)),
            ("https://[fd00::1]:6443", KubeServerURL(host: "fd00::1", port: 6443)),
            ("https://[fd00::1]", KubeServerURL(host: "fd00::1", port: 443)),
            ("https://rancher.example/k8s/clusters/c-1/", KubeServerURL(host: "rancher.example", port: 443, basePath: "/k8s/clusters/c-1")),
            ("ftp://x", nil),
            ("https://", nil),
            ("https://h:0", nil),
            ("https://h:99999", nil),
            ("https://user@h", nil),
            ("https://[fd00::1", nil),
        ])
        func serverURLs(text: String, url: KubeServerURL?) {
            #expect(KubeServerURL(parsing: text) == url)
        }

        @Test("paths and queries are percent-encoded")
        func pathsAndQueries() {
            #expect(Pod.resourceType.path(namespace: "default", name: "web-0") == "/api/v1/namespaces/default/pods/web-0")
            #expect(Pod.resourceType.path(namespace: nil) == "/api/v1/pods")
            #expect(NetworkAttachmentDefinition.resourceType.path(namespace: "ns")
                == "/apis/k8s.cni.cncf.io/v1/namespaces/ns/network-attachment-definitions")
            #expect(Network.resourceType.path(namespace: "ns", name: "a/b") == "/apis/alpha.network.k8s.io/v1/namespaces/ns/networks/a%2Fb")
            #expect(URLQuery.encode([("labelSelector", "app in (a,b),tier!=db"), ("fieldSelector", "spec.nodeName=n-1")])
                == "?labelSelector=app%20in%20%28a%2Cb%29%2Ctier%21%3Ddb&fieldSelector=spec.nodeName%3Dn-1")
            #expect(URLQuery.encode([]) == "")
        }

        @Test("Retry-After seconds", arguments: [
            ("3", 3.0 as Double?), (" 0 ", 0), ("-1", nil), ("Wed, 21 Oct 2015 07:28:00 GMT", nil), (nil, nil),
        ] as [(String?, Double?)])
        func retryAfter(header: String?, seconds: Double?) {
            #expect(KubeRetryPolicy.parseRetryAfter(header) == seconds)
        }
    }
}
