import MultinetCNI
import MultinetJSON
import MultinetModel
import MultinetPlanning

/// What must hold for any bytes a delegate prints as its ADD result, read as the plugin
/// reads them (`JSONValue`, then `CNIResult(json:)`, as `ConfigListInvoker.add` does) and
/// converted as it converts them (`json(as:)` to the runtime's version).
///
/// Shared by the `ResultConversion` fuzz target and the corpus replay test.
///
/// 1. A result that is rejected fails with code 1 (unsupported version) or 6 (decoding),
///    and reading the bytes directly (`CNIResult(parsing:)`) fails the same way.
/// 2. A result that is accepted reads the same from bytes as from JSON, and converting it
///    to the newest version (1.1.0) loses nothing: that document reads back as an equal
///    result. (Fields an older version lacks are kept when read, as the Go types keep them,
///    and dropped when written as that version, so the own-version document may differ.)
/// 3. For every supported version V: the document `json(as: V)` is a valid V result that
///    reads back as `converted(to: V)`, declares V, has no field V lacks (`mtu`,
///    `socketPath`, `pciID` and the route extras before 1.1.0) and, before 1.0.0, an
///    `ips[].version` matching each address; converting twice changes nothing more.
///    Converting to a version multinet does not speak fails with code 1.
/// 4. Every address, gateway and route destination prints as text that parses back to it.
/// 5. The per-interface views the network-status annotation is built from (addresses,
///    MAC) only give addresses of the result, and the annotation value is a JSON list.
package enum ResultConversionProperties {
    /// The properties `bytes` breaks; empty when all hold.
    package static func violations(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let direct = Swift.Result { () throws(CNIError) in try CNIResult(parsing: bytes) }
        guard let json = try? JSONValue(parsing: bytes) else {
            if case .success = direct { problems.append("CNIResult(parsing:) accepted bytes that are not JSON") }
            if case .failure(let error) = direct, error.code != CNIErrorCode.decodingFailure {
                problems.append("CNIResult(parsing:) rejected non-JSON with code \(error.code)")
            }
            return problems
        }
        let result: CNIResult
        do {
            result = try CNIResult(json: json)
        } catch {
            if ![CNIErrorCode.incompatibleVersion, CNIErrorCode.decodingFailure].contains(error.code) || error.msg.isEmpty {
                problems.append("CNIResult(json:) rejected with code \(error.code): \(error)")
            }
            if case .success = direct { problems.append("CNIResult(parsing:) accepted what CNIResult(json:) rejects") }
            return problems
        }
        if (try? direct.get()) != result { problems.append("CNIResult(parsing:) and CNIResult(json:) disagree") }
        if !result.cniVersion.isSupported { problems.append("accepted unsupported version \(result.cniVersion)") }
        // A result of any version keeps every field it carries (an older one may carry 1.1.0
        // fields, as the Go types read them), so the newest version loses nothing.
        var upgraded = result
        upgraded.cniVersion = .latest
        do {
            if try CNIResult(json: result.json(as: .latest)) != upgraded {
                problems.append("the \(CNIVersion.latest) document reads back differently from the result")
            }
        } catch {
            problems.append("the \(CNIVersion.latest) document is rejected: \(error)")
        }
        for version in CNIVersion.supported {
            conversion(result, to: version, &problems)
        }
        for version in [CNIVersion(0, 2, 0), CNIVersion(0, 1, 0), CNIVersion(1, 2, 0), CNIVersion(2, 0, 0)] {
            do {
                _ = try result.json(as: version)
                problems.append("converted to unsupported version \(version)")
            } catch {
                if error.code != CNIErrorCode.incompatibleVersion { problems.append("conversion to \(version) failed with code \(error.code)") }
            }
        }
        addressText(result, &problems)
        interfaceViews(result, &problems)
        return problems
    }

    static func conversion(_ result: CNIResult, to version: CNIVersion, _ problems: inout [String]) {
        let converted: CNIResult
        let document: JSONValue
        do {
            converted = try result.converted(to: version)
            document = try result.json(as: version)
        } catch {
            problems.append("conversion to supported version \(version) failed: \(error)")
            return
        }
        if (try? converted.converted(to: version)) != converted { problems.append("converting to \(version) twice changes it") }
        do {
            let reread = try CNIResult(parsing: document.serialized())
            if reread != converted { problems.append("the \(version) document reads back differently from converted(to:)") }
            if reread.cniVersion != version { problems.append("the \(version) document declares \(reread.cniVersion)") }
        } catch {
            problems.append("the \(version) document is not a valid result: \(error)")
        }
        if version < .v1_1_0 {
            let newer: Set<String> = ["mtu", "socketPath", "pciID", "advmss", "priority", "table", "scope"]
            for key in ["interfaces", "routes"] {
                for entry in document[key]?.arrayValue ?? [] where entry.objectValue?.keys.contains(where: newer.contains) == true {
                    problems.append("the \(version) document's \(key) carry a 1.1.0 field")
                }
            }
        }
        for entry in document["ips"]?.arrayValue ?? [] {
            let family = entry["address"]?.stringValue.flatMap(IPAddressPrefix.init)?.family
            if version < .v1_0_0 {
                if entry["version"]?.stringValue != family?.cniVersionString { problems.append("a \(version) ips entry's version does not match its address") }
            } else if entry["version"] != nil {
                problems.append("a \(version) ips entry carries version")
            }
        }
    }

    static func addressText(_ result: CNIResult, _ problems: inout [String]) {
        let prefixes = result.ips.map(\.address) + result.routes.map(\.dst)
        for prefix in prefixes where IPAddressPrefix(prefix.description) != prefix {
            problems.append("prefix \(prefix) does not parse back from its text")
        }
        let addresses = result.ips.compactMap(\.gateway) + result.routes.compactMap(\.gw) + prefixes.map(\.address)
        for address in addresses where IPAddress(address.description) != address {
            problems.append("address \(address) does not parse back from its text")
        }
    }

    static func interfaceViews(_ result: CNIResult, _ problems: inout [String]) {
        let all = Set(result.ips.map(\.address))
        var entries: [NetworkStatus.Entry] = []
        for name in Set(result.interfaces.map(\.name) + ["eth0", "net1", ""]) {
            if let index = result.interfaceIndex(forInterface: name) {
                if !result.interfaces.indices.contains(index) || result.interfaces[index].name != name {
                    problems.append("interfaceIndex(forInterface: \(name.debugDescription)) points at another interface")
                }
            } else if result.interfaces.contains(where: { $0.name == name }) {
                problems.append("interfaceIndex(forInterface: \(name.debugDescription)) misses a listed interface")
            }
            if !Set(result.prefixes(forInterface: name)).isSubset(of: all) {
                problems.append("prefixes(forInterface: \(name.debugDescription)) gives an address the result does not list")
            }
            if let mac = result.mac(forInterface: name), mac.isEmpty { problems.append("an empty MAC for \(name.debugDescription)") }
            let planned = PlannedAttachment(network: "net", networkNamespace: "ns", kind: "NetworkAttachmentDefinition",
                                            ifName: name, isDefault: false,
                                            list: NetworkConfigList(object: JSONObject(), plugins: []), runtimeConfig: JSONObject())
            entries.append(NetworkStatus.Entry(planned: planned, result: result))
        }
        if (try? JSONValue(parsing: NetworkStatus.value(entries)))?.arrayValue?.count != entries.count {
            problems.append("the network-status annotation value is not a JSON list of its entries")
        }
    }
}
