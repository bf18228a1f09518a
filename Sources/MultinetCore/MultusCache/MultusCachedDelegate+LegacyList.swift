import MultinetCNI
import MultinetJSON

extension MultusCachedDelegate {
    /// The configuration list kept in a delegate's `CNINetworkConfigList` (libcni's
    /// `NetworkConfigList`: `Bytes` holds the list's own keys, each of `Plugins` its plugin's
    /// exact bytes), or `nil` when that field is empty, as Multus writes it for every
    /// delegate it loaded otherwise (and as every release after the fix writes it).
    ///
    /// Rebuilt as Multus's DEL has rebuilt it since it stopped sending the reduced copy:
    /// the list's keys with `plugins` replaced by the plugins' own bytes, then, from
    /// `housekeeping` (the element's `Bytes`), each plugin's `deviceID` and `pciBusID` and
    /// the entries of its `args.cni`, which Multus injects after loading the list.
    static func restoredList(_ legacy: JSONValue?, housekeeping: [UInt8]?, label: String) throws -> JSONValue? {
        guard let legacy, legacy != .null else { return nil }
        let field = label + ": CNINetworkConfigList"
        guard let object = legacy.objectValue else {
            throw MultusCacheProblem.malformed("\(field) must be an object, not \(legacy.kindName)")
        }
        let listBytes = try bytes(object, "Bytes", field) ?? []
        let plugins = object["Plugins"].flatMap { $0 == .null ? nil : $0 }
        guard let plugins else {
            guard listBytes.isEmpty else {
                throw MultusCacheProblem.malformed("\(field) has Bytes but no Plugins")
            }
            return nil
        }
        guard let pluginArray = plugins.arrayValue else {
            throw MultusCacheProblem.malformed("\(field): Plugins must be an array, not \(plugins.kindName)")
        }
        if listBytes.isEmpty && pluginArray.isEmpty { return nil }
        var list = try jsonObject(listBytes, what: "\(field): Bytes")
        var restored: [JSONObject] = []
        for (position, plugin) in pluginArray.enumerated() {
            let pluginField = "\(field): Plugins[\(position)]"
            guard let pluginObject = plugin.objectValue else {
                throw MultusCacheProblem.malformed("\(pluginField) must be an object, not \(plugin.kindName)")
            }
            restored.append(try jsonObject(try bytes(pluginObject, "Bytes", pluginField) ?? [], what: "\(pluginField).Bytes"))
        }
        if let housekeeping, !housekeeping.isEmpty {
            restored = try merged(restored, housekeeping: housekeeping, label: label)
        }
        list["plugins"] = .array(restored.map(JSONValue.object))
        return .object(list)
    }

    /// `plugins` with what Multus injected into `housekeeping`'s plugins copied over.
    private static func merged(_ plugins: [JSONObject], housekeeping: [UInt8], label: String) throws -> [JSONObject] {
        let reduced = try jsonObject(housekeeping, what: "\(label): Bytes")
        guard let reducedPlugins = reduced["plugins"]?.arrayValue else {
            throw MultusCacheProblem.malformed("\(label): Bytes has no plugins to merge with CNINetworkConfigList")
        }
        guard reducedPlugins.count == plugins.count else {
            throw MultusCacheProblem.malformed("\(label): Bytes has \(reducedPlugins.count) plugin(s), CNINetworkConfigList \(plugins.count)")
        }
        var out = plugins
        for index in out.indices {
            guard let extra = reducedPlugins[index].objectValue else {
                throw MultusCacheProblem.malformed("\(label): Bytes plugins[\(index)] must be an object, not \(reducedPlugins[index].kindName)")
            }
            for key in ["deviceID", "pciBusID"] {
                if let value = extra[key] { out[index][key] = value }
            }
            guard let extraArgs = extra["args"] else { continue }
            guard let extraArgsObject = extraArgs.objectValue else {
                throw MultusCacheProblem.malformed("\(label): Bytes plugins[\(index)].args must be an object, not \(extraArgs.kindName)")
            }
            var args = out[index]["args"]?.objectValue ?? JSONObject()
            if let extraCNI = extraArgsObject["cni"] {
                guard let extraCNIObject = extraCNI.objectValue else {
                    throw MultusCacheProblem.malformed("\(label): Bytes plugins[\(index)].args.cni must be an object, not \(extraCNI.kindName)")
                }
                var cni = args["cni"]?.objectValue ?? JSONObject()
                for (key, value) in extraCNIObject { cni[key] = value }
                args["cni"] = .object(cni)
            }
            out[index]["args"] = .object(args)
        }
        return out
    }

    private static func jsonObject(_ bytes: [UInt8], what: String) throws -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw MultusCacheProblem.undecodable("\(what) is not valid JSON", details: error.description)
        }
        guard let object = value.objectValue else {
            throw MultusCacheProblem.malformed("\(what) must be a JSON object, not \(value.kindName)")
        }
        return object
    }
}
