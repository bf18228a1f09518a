import Testing
@testable import MultinetCNI
@testable import MultinetPlanning

/// Multus's configuration keys, read with Multus's meaning.
@Suite("multinet configuration: Multus keys")
struct MultusConfigTests {
    /// Multus v4.2.2's thin `00-multus.conf` as a node has it, with `type` changed.
    static let sample = #"""
    {"cniVersion":"0.3.1","name":"multus-cni-network","type":"multinet",
     "kubeconfig":"/etc/cni/net.d/multus.d/multus.kubeconfig","confDir":"/etc/cni/net.d",
     "cniDir":"/var/lib/cni/multus","binDir":"/usr/lib/cni","clusterNetwork":"dflt","logLevel":"error"}
    """#

    static func parse(_ keys: String) throws -> MultinetConfig {
        try MultinetConfig(parsing: Array(#"{"cniVersion":"1.0.0","name":"multus-cni-network","type":"multinet"\#(keys)}"#.utf8))
    }

    @Test("the sample 00-multus.conf: every key read, the rest at Multus's defaults")
    func sample() throws {
        let config = try MultinetConfig(parsing: Array(Self.sample.utf8))
        #expect(config.cniVersion == .v0_3_1)
        #expect(config.kubeconfig == "/etc/cni/net.d/multus.d/multus.kubeconfig")
        #expect(config.confDir == "/etc/cni/net.d")
        #expect(config.cniDir == "/var/lib/cni/multus")
        #expect(config.binDir == ["/usr/lib/cni"])
        #expect(config.logLevel == .error)
        #expect(config.multus.clusterNetwork == MultusNetwork(key: "clusterNetwork", reference: .name("dflt")))
        #expect(config.multus.isMultusConfiguration)
        #expect(config.multus.multusNamespace == "kube-system")
        #expect(config.multus.systemNamespaces == ["kube-system"])
        #expect(config.multus.defaultNetworks.isEmpty)
        #expect(config.multus.readinessIndicatorFile == nil)
        #expect(config.globalNamespaces == ["default"])
        #expect(config.logDestinations == [.stderr])
    }

    @Test("without Multus keys multinet's own defaults stay")
    func multinetDefaults() throws {
        let config = try Self.parse("")
        #expect(config.multus == MultusKeys())
        #expect(!config.multus.isMultusConfiguration)
        #expect(config.cniDir == "/var/lib/cni/multus")
        #expect(config.confDir == "/etc/cni/net.d")
        #expect(config.globalNamespaces == [])
        #expect(config.logLevel == .warn)
        #expect(config.logDestinations == [.stderr])
        #expect(try Self.parse(#","logFile":"/var/log/m.log""#).logDestinations == [.file("/var/log/m.log")])
    }

    @Test("a Multus configuration takes Multus's defaults for confDir, globalNamespaces, logLevel and logToStderr")
    func multusDefaults() throws {
        let config = try Self.parse(#","delegates":[{"name":"dflt","type":"bridge"}],"logFile":"/var/log/m.log""#)
        #expect(config.confDir == "/etc/cni/multus/net.d")
        #expect(config.globalNamespaces == ["default"])
        #expect(config.logLevel == .error)
        #expect(config.logDestinations == [.file("/var/log/m.log"), .stderr])
        // Keys it sets win over Multus's defaults.
        let set = try Self.parse(#","clusterNetwork":"dflt","confDir":"/c","globalNamespaces":"","logLevel":"debug","logToStderr":false"#)
        #expect(set.confDir == "/c")
        #expect(set.globalNamespaces == [])
        #expect(set.logLevel == .debug)
        #expect(set.logDestinations == [])
    }

    @Test("clusterNetwork: a name, namespace/name, a file or directory path; empty is absent", arguments: [
        (#""dflt""#, MultusNetwork.Reference.name("dflt")),
        (#""flannel.1""#, .name("flannel.1")),
        (#""Calico_Net""#, .name("Calico_Net")),
        (#""other-ns/dflt""#, .object(namespace: "other-ns", name: "dflt")),
        (#""/etc/cni/net.d/10-dflt.conflist""#, .path("/etc/cni/net.d/10-dflt.conflist")),
        (#""/etc/cni/net.d""#, .path("/etc/cni/net.d")),
    ])
    func clusterNetwork(text: String, reference: MultusNetwork.Reference) throws {
        let config = try Self.parse(#","clusterNetwork":\#(text)"#)
        #expect(config.multus.clusterNetwork == MultusNetwork(key: "clusterNetwork", reference: reference))
        #expect(try Self.parse(#","clusterNetwork":"""#).multus.clusterNetwork == nil)
    }

    @Test("delegates: the first is the cluster network, the others follow on every pod; ignored beside clusterNetwork")
    func delegates() throws {
        let config = try Self.parse(#"""
        ,"delegates":[{"cniVersion":"1.0.0","name":"dflt","plugins":[{"type":"bridge"},{"type":"portmap"}]},
                      {"cniVersion":"0.4.0","name":"extra","type":"macvlan","master":"eth1"}],
         "defaultNetworks":["ignored"]
        """#)
        let cluster = try #require(config.multus.clusterNetwork)
        guard case .inline(let list) = cluster.reference else { Issue.record("not inline: \(cluster)"); return }
        #expect(cluster.key == "delegates[0]")
        #expect(list.name == "dflt")
        #expect(list.pluginTypes == ["bridge", "portmap"])
        #expect(config.multus.additionalDelegates.map(\.key) == ["delegates[1]"])
        #expect(config.multus.additionalDelegates.first?.text == "extra")
        #expect(config.multus.defaultNetworks.isEmpty)
        // Every pod gets the further delegates, system namespaces included.
        #expect(config.multus.networksAfterClusterNetwork(podNamespace: "kube-system").map(\.key) == ["delegates[1]"])

        let both = try Self.parse(#","clusterNetwork":"dflt","delegates":[{"name":"x","type":"bridge"}]"#)
        #expect(both.multus.clusterNetwork?.reference == .name("dflt"))
        #expect(both.multus.additionalDelegates.isEmpty)
    }

    @Test("defaultNetworks, systemNamespaces and multusNamespace")
    func defaultNetworks() throws {
        let config = try Self.parse(#"""
        ,"clusterNetwork":"dflt","defaultNetworks":["storage","other/backend","/etc/cni/extra.conf"],
         "systemNamespaces":["kube-system","infra"],"multusNamespace":"multus"
        """#)
        #expect(config.multus.defaultNetworks == [
            MultusNetwork(key: "defaultNetworks[0]", reference: .name("storage")),
            MultusNetwork(key: "defaultNetworks[1]", reference: .object(namespace: "other", name: "backend")),
            MultusNetwork(key: "defaultNetworks[2]", reference: .path("/etc/cni/extra.conf")),
        ])
        #expect(config.multus.systemNamespaces == ["kube-system", "infra"])
        #expect(config.multus.multusNamespace == "multus")
        #expect(config.multus.networksAfterClusterNetwork(podNamespace: "default").count == 3)
        #expect(config.multus.networksAfterClusterNetwork(podNamespace: "infra").isEmpty)
        #expect(config.multus.networksAfterClusterNetwork(podNamespace: "kube-system").isEmpty)
        #expect(config.multus.networksAfterClusterNetwork(podNamespace: "").isEmpty)
    }

    @Test("globalNamespaces: Multus's comma-separated string and multinet's array", arguments: [
        (#""kube-public""#, ["kube-public"]),
        (#""a, b ,c""#, ["a", "b", "c"]),
        (#""a,,b,""#, ["a", "b"]),
        (#""""#, []),
        (#"["a","b"]"#, ["a", "b"]),
        (#"[]"#, []),
    ])
    func globalNamespaces(text: String, expected: [String]) throws {
        #expect(try Self.parse(#","globalNamespaces":\#(text)"#).globalNamespaces == expected)
        #expect(try Self.parse(#","clusterNetwork":"dflt","globalNamespaces":\#(text)"#).globalNamespaces == expected)
    }

    @Test("logLevel: multinet's levels and Multus's panic, error, verbose, debug", arguments: [
        ("panic", MultinetConfig.LogLevel.error), ("PANIC", .error), ("error", .error), ("verbose", .info),
        ("Verbose", .info), ("debug", .debug), ("warn", .warn), ("info", .info),
    ])
    func logLevel(text: String, level: MultinetConfig.LogLevel) throws {
        #expect(try Self.parse(#","logLevel":"\#(text)""#).logLevel == level)
    }

    @Test("logToStderr: stderr beside logFile, or no log at all", arguments: [
        (#","logToStderr":true"#, [LogDestination.stderr]),
        (#","logToStderr":false"#, []),
        (#","logToStderr":true,"logFile":"/l""#, [.file("/l"), .stderr]),
        (#","logToStderr":false,"logFile":"/l""#, [.file("/l")]),
        (#","logFile":"/l""#, [.file("/l")]),
    ])
    func logToStderr(keys: String, destinations: [LogDestination]) throws {
        #expect(try Self.parse(keys).logDestinations == destinations)
    }

    @Test("readinessindicatorfile and cniDir; Multus-only keys in any capitalisation, as Multus's decoder reads them")
    func paths() throws {
        let config = try Self.parse(#","readinessindicatorfile":"/run/flannel/subnet.env","cniDir":"/var/lib/cni/m""#)
        #expect(config.multus.readinessIndicatorFile == "/run/flannel/subnet.env")
        #expect(config.cniDir == "/var/lib/cni/m")
        let spelled = try Self.parse(#","readinessIndicatorFile":"/run/ready","ClusterNetwork":"dflt","MultusNamespace":"m""#)
        #expect(spelled.multus.readinessIndicatorFile == "/run/ready")
        #expect(spelled.multus.clusterNetwork?.reference == .name("dflt"))
        #expect(spelled.multus.multusNamespace == "m")
    }

    @Test("keys multinet does not know are ignored, as Multus ignores them")
    func unknownKeys() throws {
        let config = try Self.parse(#"""
        ,"clusterNetwork":"dflt","retryDeleteOnError":true,"logOptions":{"maxAge":5},"cniConf":"/etc/cni/multus/net.d",
         "capabilities":{"portMappings":true},"auxiliaryCNIChainName":"x","someFutureKey":[1,{"a":null}]
        """#)
        #expect(config.multus.clusterNetwork?.reference == .name("dflt"))
    }

    @Test("every rejected value: code 7 and a message naming the key", arguments: [
        (#","clusterNetwork":7"#, #""clusterNetwork" must be a string, not a number"#),
        (#","clusterNetwork":"etc/cni/net.d/10-x.conf""#, #""clusterNetwork" "etc/cni/net.d/10-x.conf" is not a network name, namespace/name or an absolute path"#),
        (#","clusterNetwork":"./dflt""#, #""clusterNetwork" "./dflt" is not a network name, namespace/name or an absolute path"#),
        (#","clusterNetwork":"bad name""#, #""clusterNetwork" "bad name" is not a network name"#),
        (#","clusterNetwork":"-dflt""#, #""clusterNetwork" "-dflt" is not a network name: it must start"#),
        (#","clusterNetwork":"Kube/dflt""#, #""clusterNetwork" "Kube/dflt" is not a network name, namespace/name"#),
        (#","clusterNetwork":"dflt","defaultNetworks":"storage""#, #""defaultNetworks" must be an array of strings, not a string"#),
        (#","clusterNetwork":"dflt","defaultNetworks":["ok",3]"#, #""defaultNetworks" must be an array of strings, not a number"#),
        (#","clusterNetwork":"dflt","defaultNetworks":["ok","../x"]"#, #""defaultNetworks[1]" "../x" is not a network name"#),
        (#","clusterNetwork":"dflt","defaultNetworks":[""]"#, #""defaultNetworks"[0] is empty"#),
        (#","systemNamespaces":"kube-system""#, #""systemNamespaces" must be an array of namespace names, not a string"#),
        (#","systemNamespaces":["Kube_System"]"#, #""systemNamespaces" entry "Kube_System" is not a namespace name"#),
        (#","multusNamespace":1"#, #""multusNamespace" must be a string, not a number"#),
        (#","multusNamespace":"Multus""#, #""multusNamespace" "Multus" is not a namespace name"#),
        (#","readinessindicatorfile":"run/ready""#, #""readinessindicatorfile" must be an absolute path, not "run/ready""#),
        (#","readinessindicatorfile":5"#, #""readinessindicatorfile" must be a string, not a number"#),
        (#","readinessIndicatorFile":"/a","READINESSINDICATORFILE":"/b""#, #""readinessIndicatorFile" and "READINESSINDICATORFILE" both set "readinessindicatorfile""#),
        (#","delegates":{}"#, #""delegates" must be an array of network configurations, not an object"#),
        (#","delegates":[1]"#, #""delegates[0]" must be a JSON object, not a number"#),
        (#","delegates":[{"type":"bridge"}]"#, #""delegates[0]" has no "name""#),
        (#","delegates":[{"name":"x"}]"#, #""delegates[0]": "type" is missing"#),
        (#","delegates":[{"name":"x","type":"bridge"},{"name":"y","type":"../bin/sh"}]"#, #""delegates[1]": "type" "../bin/sh" is not a plugin name"#),
        (#","delegates":[{"name":"x","type":"multinet"}]"#, #""delegates[0]": "type" "multinet" is multinet itself"#),
        (#","globalNamespaces":5"#, #""globalNamespaces" must be an array of namespace names or a comma-separated string, not a number"#),
        (#","globalNamespaces":"a,B""#, #""globalNamespaces" entry "B" is not a namespace name"#),
        (#","globalNamespaces":["a","b c"]"#, #""globalNamespaces" entry "b c" is not a namespace name"#),
        (#","logLevel":"loud""#, #""logLevel" "loud" is not one of error, warn, info, debug (or Multus's panic, verbose)"#),
        (#","logLevel":"warning""#, #""logLevel" "warning" is not one of"#),
        (#","logLevel":3"#, #""logLevel" must be a string, not a number"#),
        (#","logToStderr":"yes""#, #""logToStderr" must be true or false, not a string"#),
        (#","cniDir":"var/lib/cni/multus""#, #""cniDir" must be an absolute path, not "var/lib/cni/multus""#),
        (#","cniDir":1"#, #""cniDir" must be a string, not a number"#),
        (#","logFile":"multus.log""#, #""logFile" must be an absolute path"#),
        (#","confDir":"net.d""#, #""confDir" must be an absolute path"#),
        (#","binDir":"opt/cni/bin""#, #""binDir" entry "opt/cni/bin" must be an absolute path"#),
        (#","kubeconfig":"multus.kubeconfig""#, #""kubeconfig" must be an absolute path"#),
    ])
    func rejects(keys: String, fragment: String) {
        #expect {
            try Self.parse(keys)
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.invalidNetworkConfig && error.msg.contains("multinet configuration")
                && error.description.contains(fragment)
        }
    }
}
