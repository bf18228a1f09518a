import Testing
@testable import MultinetCNI
@testable import MultinetModel
@testable import MultinetPlanning

private let multusKey = "k8s.v1.cni.cncf.io/networks"
private let alphaKey = "alpha.network.k8s.io/networks"

@Suite("Selection annotations")
struct PodNetworkRequestTests {
    let pod = PodReference(namespace: "team-a", name: "web-0", uid: "u1")

    func parse(_ annotations: [String: String], ifName: String = "eth0") throws -> PodNetworkRequest {
        try PodNetworkRequest.parse(annotations: annotations, pod: pod, runtimeIfName: ifName)
    }

    func summary(_ request: PodNetworkRequest) -> [String] {
        request.selections.map { "\($0.selection.qualifiedName)@\($0.ifName)\($0.isDefault ? "*" : "")" }
    }

    @Test("no annotation: the default network only")
    func none() throws {
        #expect(try parse([:]) == PodNetworkRequest(dialect: nil, selections: []))
        #expect(try parse(["k8s.v1.cni.cncf.io/networks": "  "]).selections.isEmpty)
        #expect(try parse(["other": "x"]).dialect == nil)
    }

    @Test("alpha: the first is the default on CNI_IFNAME, then eth1, eth2 by position")
    func alpha() throws {
        let request = try parse(["alpha.network.k8s.io/networks": "dbnet, othernet ,thick-plugin-example"])
        #expect(request.dialect == .alpha)
        #expect(summary(request) == ["team-a/dbnet@eth0*", "team-a/othernet@eth1", "team-a/thick-plugin-example@eth2"])
    }

    @Test("multus comma form: [namespace/]name[@ifname], net1, net2 … otherwise")
    func multusComma() throws {
        let request = try parse(["k8s.v1.cni.cncf.io/networks": "macvlan-conf, infra/sriov@fast0,bridge-net"])
        #expect(request.dialect == .multus)
        #expect(summary(request) == ["team-a/macvlan-conf@net1", "infra/sriov@fast0", "team-a/bridge-net@net3"])
    }

    @Test("multus JSON form with every field")
    func multusJSON() throws {
        let text = #"""
        [{"name":"macvlan-conf","interface":"mv0","ips":["10.1.1.5/24"],"mac":"02:00:00:00:00:01",
          "cni-args":{"foo":"bar"},"portMappings":[{"hostPort":8080,"containerPort":80}],
          "bandwidth":{"ingressRate":1000},"default-route":["10.1.1.1"],"infiniband-guid":"c2:11:22:33:44:55:66:77"},
         {"name":"other","namespace":"infra","ipam-claim-reference":"claim-1"}]
        """#
        let request = try parse(["k8s.v1.cni.cncf.io/networks": text])
        #expect(summary(request) == ["team-a/macvlan-conf@mv0", "infra/other@net2"])
        let first = request.selections[0].selection
        #expect(first.ips == ["10.1.1.5/24"])
        #expect(first.mac == "02:00:00:00:00:01")
        #expect(first.cniArgs?["foo"] == .string("bar"))
        #expect(first.defaultRoute == ["10.1.1.1"])
        #expect(first.capabilityArgs.keys == ["ips", "mac", "portMappings", "bandwidth", "infinibandGUID"])
        #expect(request.selections[1].selection.ipamClaimReference == "claim-1")
    }

    /// Every annotation the parser rejects, with a fragment naming the rule.
    static let rejections: [Rejection] = [
        Rejection(key: alphaKey, value: "a,,b", fragment: "element 2: the element is empty"),
        Rejection(key: alphaKey, value: "other/a", fragment: "no '/' or '@'"),
        Rejection(key: alphaKey, value: "Upper", fragment: "network name \"Upper\" is invalid: only lower-case letters"),
        Rejection(key: alphaKey, value: "a,a", fragment: "is listed twice"),
        Rejection(key: alphaKey, value: "../etc", fragment: "no '/' or '@'"),
        Rejection(key: multusKey, value: "a@b@c", fragment: "more than one '@'"),
        Rejection(key: multusKey, value: "x/y/z", fragment: "more than one '/'"),
        Rejection(key: multusKey, value: "../../etc/passwd", fragment: "more than one '/'"),
        Rejection(key: multusKey, value: "..@net1", fragment: "network name \"..\" is invalid"),
        Rejection(key: multusKey, value: "Bad_NS/net", fragment: "namespace \"Bad_NS\" is invalid"),
        Rejection(key: multusKey, value: "-a", fragment: "must start and end with a lower-case letter or digit"),
        Rejection(key: multusKey, value: "a@eth0", fragment: "interface eth0 is the default network's (CNI_IFNAME)"),
        Rejection(key: multusKey, value: "a@x,b@x", fragment: "element 2 (\"team-a/b\"): interface x is already used by element 1"),
        Rejection(key: multusKey, value: "a@net2,b", fragment: "interface net2 is already used by element 1"),
        Rejection(key: multusKey, value: "a@this-is-too-long-0", fragment: "the limit is 15"),
        Rejection(key: multusKey, value: "a@bad/if", fragment: "must not contain '/'"),
        Rejection(key: multusKey, value: "a@..", fragment: "'.' and '..'"),
        Rejection(key: multusKey, value: "a@ ", fragment: "is invalid"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\"}", fragment: "it is not valid JSON"),
        Rejection(key: multusKey, value: "[1]", fragment: "each element must be an object, not a number"),
        Rejection(key: multusKey, value: "[{}]", fragment: "\"name\" is missing"),
        Rejection(key: multusKey, value: "[{\"name\":5}]", fragment: "\"name\" must be a string"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"ips\":\"10.0.0.1\"}]", fragment: "\"ips\" must be a list of strings"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"ips\":[\"10.0.0.300/24\"]}]", fragment: "\"ips\" entry \"10.0.0.300/24\" is not an IP address"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"mac\":\"zz:00\"}]", fragment: "\"mac\" \"zz:00\" is not a MAC address"),
        // Found by the AnnotationParsing fuzz property (Fuzz/Corpus/AnnotationParsing/npwg-json-fullwidth-mac.json):
        // fullwidth digits passed Character.isHexDigit.
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"mac\":\"０２:00:00:00:00:01\"}]", fragment: "is not a MAC address like"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"mac\":\"02:00:00:00:00:01:\"}]", fragment: "is not a MAC address like"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"mac\":\"02:00:00:00:00:0g\"}]", fragment: "is not a MAC address like"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"cni-args\":[]}]", fragment: "\"cni-args\" must be an object"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"portMappings\":{}}]", fragment: "\"portMappings\" must be a list"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"bandwidth\":1}]", fragment: "\"bandwidth\" must be an object"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"default-route\":[\"10.0.0.1\"]},{\"name\":\"b\",\"default-route\":[\"10.0.1.1\"]}]", fragment: "only one selection may set \"default-route\""),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"default-route\":[\"gateway\"]}]", fragment: "\"default-route\" entry \"gateway\" is not an IP address"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"default-route\":[\"10.0.0.1\",\"10.0.0.2\"]}]", fragment: "\"default-route\" lists two IPv4 gateways (10.0.0.1, 10.0.0.2): one default route per address family, no ECMP"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"ips\":[\"10.0.0.5/24\"],\"ipam-claim-reference\":\"c\"}]", fragment: "\"ipam-claim-reference\" and \"ips\" cannot be used together"),
        Rejection(key: multusKey, value: "[{\"name\":\"a\",\"name\":\"b\"}]", fragment: "duplicate key"),
        Rejection(key: multusKey, value: String(repeating: "a,", count: 40) + "a", fragment: "the limit is 32"),
        Rejection(key: multusKey, value: String(repeating: "x", count: 70_000), fragment: "the limit is 65536"),
    ]

    struct Rejection: Sendable, CustomTestStringConvertible {
        var key: String
        var value: String
        var fragment: String
        var testDescription: String { "\(key): \(value.prefix(60))" }
    }

    @Test("both dialects on one pod is an error")
    func bothDialects() {
        #expect {
            try parse([alphaKey: "a", multusKey: "b"])
        } throws: { error in
            CNIError(reporting: error).msg.contains("carries both alpha.network.k8s.io/networks and k8s.v1.cni.cncf.io/networks")
        }
    }

    @Test("rejects bad selections", arguments: rejections)
    func rejects(_ rejection: Rejection) {
        #expect {
            try parse([rejection.key: rejection.value])
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.invalidNetworkConfig && error.msg.contains("pod team-a/web-0") && error.msg.contains(rejection.fragment)
        }
    }
}
