import MultinetCNI
import MultinetJSON
import MultinetPlanning

/// What must hold for any bytes handed to multinet as configuration: its own stdin
/// configuration (`MultinetConfig`), or a delegate's configuration list read from a file, a
/// NetworkAttachmentDefinition or the checkpoint store (`NetworkConfigList`).
///
/// Shared by the `ConfigParsing` fuzz target (`scripts/fuzz`) and the corpus replay test. Each check either holds
/// or is reported; an input may be rejected, but only with a CNI error, never a crash.
///
/// 1. JSON: a document that parses serializes to text that parses to an equal value, and
///    serializing that again gives the same bytes (what multinet passes on is what it read).
/// 2. `MultinetConfig`: a configuration that parses has a supported version, absolute paths
///    and timeouts in (0, 86400]; re-parsing its own object gives an equal configuration;
///    the dispatcher's loose version peek agrees with it. A rejected one fails with code
///    5, 6 or 1/7, and the error document the dispatcher prints parses back to the same error.
/// 3. `NetworkConfigList` (with and without a required name): a list that parses has at
///    least one plugin, each with a `type` that is a bare file name; its serialized form (what
///    the checkpoint store records and DEL replays) parses as a recorded config to the same
///    list and serializes to the same bytes; each plugin's stdin configuration carries its
///    `type` and the list's `name` and `cniVersion`. A rejected one fails with code 6 or 7.
package enum ConfigParsingProperties {
    /// The properties `bytes` breaks; empty when all hold.
    package static func violations(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        jsonRoundTrip(bytes, &problems)
        multinetConfig(bytes, &problems)
        for requireName in [true, false] {
            networkConfigList(bytes, requireName: requireName, &problems)
        }
        return problems
    }

    static func jsonRoundTrip(_ bytes: [UInt8], _ problems: inout [String]) {
        guard let value = try? JSONValue(parsing: bytes) else { return }
        let text = value.serialized()
        do {
            let again = try JSONValue(parsing: text)
            if again != value { problems.append("JSON: the serialized value parses to a different value") }
            if again.serialized() != text { problems.append("JSON: serializing the re-parsed value gives other bytes") }
        } catch {
            problems.append("JSON: the serialized value does not parse: \(error)")
        }
    }

    static func multinetConfig(_ bytes: [UInt8], _ problems: inout [String]) {
        let peeked = CNIDispatcher.loosePeek(bytes)
        let config: MultinetConfig
        do {
            config = try MultinetConfig(parsing: bytes)
        } catch {
            let error = CNIError(reporting: error)
            if ![CNIErrorCode.incompatibleVersion, CNIErrorCode.ioFailure, CNIErrorCode.decodingFailure,
                 CNIErrorCode.invalidNetworkConfig].contains(error.code) {
                problems.append("MultinetConfig: rejected with unexpected code \(error.code): \(error)")
            }
            errorDocument(error, version: peeked, "MultinetConfig", &problems)
            return
        }
        if !config.cniVersion.isSupported { problems.append("MultinetConfig: accepted unsupported version \(config.cniVersion)") }
        if peeked != config.cniVersion { problems.append("MultinetConfig: loosePeek says \(String(describing: peeked)), the config \(config.cniVersion)") }
        let paths = [config.confDir, config.stateDir, config.thickConfDir] + config.binDir
            + [config.kubeconfig, config.logFile].compactMap { $0 }
        for path in paths where !path.hasPrefix("/") || path.utf8.contains(0) {
            problems.append("MultinetConfig: accepted a path that is not absolute: \(path.debugDescription)")
        }
        for seconds in [config.delegateTimeoutSeconds, config.apiTimeoutSeconds] where !(seconds > 0 && seconds <= 86_400) {
            problems.append("MultinetConfig: accepted a timeout of \(seconds) seconds")
        }
        do {
            let again = try MultinetConfig(parsing: JSONValue.object(config.raw).serialized())
            if again != config { problems.append("MultinetConfig: re-parsing its own object gives a different configuration") }
        } catch {
            problems.append("MultinetConfig: its own object is rejected when parsed again: \(error)")
        }
    }

    static func networkConfigList(_ bytes: [UInt8], requireName: Bool, _ problems: inout [String]) {
        let label = "NetworkConfigList(requireName: \(requireName))"
        let list: NetworkConfigList
        do {
            list = try NetworkConfigList(parsing: bytes, source: "fuzz input", requireName: requireName)
        } catch {
            if ![CNIErrorCode.decodingFailure, CNIErrorCode.invalidNetworkConfig].contains(error.code) {
                problems.append("\(label): rejected with unexpected code \(error.code): \(error)")
            }
            errorDocument(error, version: nil, label, &problems)
            return
        }
        if list.plugins.isEmpty { problems.append("\(label): accepted a list without plugins") }
        if requireName && list.name.isEmpty { problems.append("\(label): accepted a list without a name") }
        for type in list.pluginTypes where PluginName.problem(type) != nil {
            problems.append("\(label): accepted plugin type \(type.debugDescription)")
        }
        let recorded = list.serialized()
        do {
            let replayed = try NetworkConfigList(parsing: recorded, source: "recorded config", requireName: false)
            if replayed.plugins != list.plugins || replayed.name != list.name || replayed.cniVersionText != list.cniVersionText
                || replayed.disableCheck != list.disableCheck {
                problems.append("\(label): the recorded form replays as a different list")
            }
            if replayed.serialized() != recorded { problems.append("\(label): the recorded form is not a fixed point") }
        } catch {
            problems.append("\(label): the recorded form is rejected on replay: \(error)")
        }
        for index in list.plugins.indices {
            let config = list.pluginConfig(at: index, prevResult: .object(JSONObject()))
            if config["type"]?.stringValue != list.pluginTypes[index] || config["name"]?.stringValue != list.name
                || config["cniVersion"]?.stringValue != list.cniVersionText || config["prevResult"] == nil {
                problems.append("\(label): plugin \(index)'s stdin configuration lacks its type, name, cniVersion or prevResult")
            }
        }
        let converted = list.with(cniVersion: .v1_0_0)
        if converted.cniVersion != .v1_0_0 || converted.plugins != list.plugins {
            problems.append("\(label): with(cniVersion:) changed more than the version")
        }
    }

    /// The error document the dispatcher prints must be one JSON line that reads back as the error.
    static func errorDocument(_ error: CNIError, version: CNIVersion?, _ label: String, _ problems: inout [String]) {
        if error.msg.isEmpty { problems.append("\(label): an error without a message (code \(error.code))") }
        let outcome = CNIDispatcher.errorOutcome(error, version: version)
        guard outcome.exitCode != 0, outcome.stdout.last == 0x0A else {
            problems.append("\(label): the error outcome is not a failing, newline-terminated document")
            return
        }
        guard let document = try? JSONValue(parsing: outcome.stdout.dropLast()) else {
            problems.append("\(label): the error document is not JSON")
            return
        }
        if CNIError(json: document) != error { problems.append("\(label): the error document does not read back as the error") }
        if document["cniVersion"]?.stringValue.flatMap(CNIVersion.init)?.isSupported != true {
            problems.append("\(label): the error document's cniVersion is not one multinet speaks")
        }
    }
}
