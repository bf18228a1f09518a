import Testing
@testable import MultinetCNI
@testable import MultinetPlanning

@Suite("multinet configuration")
struct MultinetConfigTests {
    @Test("defaults match the README's configuration reference")
    func defaults() throws {
        let config = try MultinetConfig(parsing: Array(#"{"cniVersion":"1.0.0","name":"multinet","type":"multinet"}"#.utf8))
        #expect(config.confDir == "/etc/cni/net.d")
        #expect(config.binDir == ["/opt/cni/bin"])
        #expect(config.stateDir == "/var/lib/multinet")
        #expect(config.thickConfDir == "/etc/cni/multinet.d")
        #expect(config.defaultNetwork == nil)
        #expect(config.namespaceIsolation == false)
        #expect(config.logLevel == .warn)
        #expect(config.delegateTimeoutSeconds == 120)
        #expect(config.apiTimeoutSeconds == 10)
    }

    @Test("reads every key")
    func everyKey() throws {
        let text = #"""
        {"cniVersion":"0.4.0","name":"mn","type":"multinet","kubeconfig":"/etc/k.json","confDir":"/c","binDir":"/b1:/b2",
         "stateDir":"/s","thickConfDir":"/t","defaultNetwork":"pods","namespaceIsolation":true,"globalNamespaces":["kube-system"],
         "logFile":"/var/log/m.log","logLevel":"DEBUG","delegateTimeoutSeconds":5,"apiTimeoutSeconds":2.5,"operationMetrics":false,
         "runtimeConfig":{"portMappings":[]}}
        """#
        let config = try MultinetConfig(parsing: Array(text.utf8))
        #expect(config.cniVersion == .v0_4_0)
        #expect(config.name == "mn")
        #expect(config.kubeconfig == "/etc/k.json")
        #expect(config.binDir == ["/b1", "/b2"])
        #expect(config.defaultNetwork == "pods")
        #expect(config.globalNamespaces == ["kube-system"])
        #expect(!config.operationMetrics)
        #expect(config.logLevel == .debug)
        #expect(config.apiTimeoutSeconds == 2.5)
        #expect(config.runtimeConfig["portMappings"] == .array([]))
    }

    @Test("rejects invalid configurations", arguments: [
        ("", CNIErrorCode.decodingFailure, "not valid JSON"),
        ("[1]", CNIErrorCode.decodingFailure, "must be a JSON object"),
        (#"{"name":"m"}"#, CNIErrorCode.incompatibleVersion, "incompatible CNI version \"\""),
        (#"{"cniVersion":"0.2.0"}"#, CNIErrorCode.incompatibleVersion, "incompatible CNI version \"0.2.0\""),
        (#"{"cniVersion":"9.9.9"}"#, CNIErrorCode.incompatibleVersion, "multinet supports 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0"),
        (#"{"cniVersion":"1.0.0","confDir":"etc/cni"}"#, CNIErrorCode.invalidNetworkConfig, "\"confDir\" must be an absolute path"),
        (#"{"cniVersion":"1.0.0","stateDir":7}"#, CNIErrorCode.invalidNetworkConfig, "\"stateDir\" must be a string, not a number"),
        (#"{"cniVersion":"1.0.0","binDir":"/ok:relative"}"#, CNIErrorCode.invalidNetworkConfig, "\"binDir\" entry \"relative\""),
        (#"{"cniVersion":"1.0.0","binDir":{}}"#, CNIErrorCode.invalidNetworkConfig, "\"binDir\" must be a path"),
        (#"{"cniVersion":"1.0.0","namespaceIsolation":"yes"}"#, CNIErrorCode.invalidNetworkConfig, "\"namespaceIsolation\" must be true or false"),
        (#"{"cniVersion":"1.0.0","operationMetrics":"off"}"#, CNIErrorCode.invalidNetworkConfig, "\"operationMetrics\" must be true or false"),
        (#"{"cniVersion":"1.0.0","globalNamespaces":["a",1]}"#, CNIErrorCode.invalidNetworkConfig, "\"globalNamespaces\" must be an array of strings"),
        (#"{"cniVersion":"1.0.0","logLevel":"loud"}"#, CNIErrorCode.invalidNetworkConfig, "\"logLevel\" \"loud\""),
        (#"{"cniVersion":"1.0.0","delegateTimeoutSeconds":0}"#, CNIErrorCode.invalidNetworkConfig, "\"delegateTimeoutSeconds\" must be between"),
        (#"{"cniVersion":"1.0.0","apiTimeoutSeconds":"10"}"#, CNIErrorCode.invalidNetworkConfig, "\"apiTimeoutSeconds\" must be a number of seconds"),
        (#"{"cniVersion":"1.0.0","runtimeConfig":[]}"#, CNIErrorCode.invalidNetworkConfig, "\"runtimeConfig\" must be an object"),
        (#"{"cniVersion":"1.0.0","cniVersion":"1.0.0"}"#, CNIErrorCode.decodingFailure, "duplicate key"),
    ])
    func rejects(text: String, code: Int, fragment: String) {
        #expect {
            try MultinetConfig(parsing: Array(text.utf8))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == code && error.description.contains(fragment)
        }
    }

    @Test("refuses a configuration over the size limit")
    func sizeLimit() {
        let big = [UInt8](repeating: 0x20, count: MultinetConfig.maximumConfigBytes + 1)
        #expect(throws: ConfigError.tooLarge(bytes: big.count, limit: MultinetConfig.maximumConfigBytes)) { try MultinetConfig(parsing: big) }
    }
}
