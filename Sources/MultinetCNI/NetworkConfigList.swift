import MultinetJSON

/// A CNI network configuration list (`.conflist`), or a single `.conf` lifted into one.
///
/// Every key is kept — at the list level and in each plugin — so a delegate receives its
/// configuration exactly as written, including keys multinet knows nothing about.
public struct NetworkConfigList: Sendable, Equatable {
    /// The whole list object as parsed, with every key (`disableCheck`, `disableGC`, ...).
    public var object: JSONObject
    /// Each plugin's configuration object, in order.
    public var plugins: [JSONObject]

    /// The network's name.
    public var name: String {
        get { object["name"]?.stringValue ?? "" }
        set { object["name"] = .string(newValue) }
    }

    /// The declared `cniVersion` text; empty when absent.
    public var cniVersionText: String {
        object["cniVersion"]?.stringValue ?? ""
    }

    /// The declared version, when it is a well-formed version.
    public var cniVersion: CNIVersion? { CNIVersion(cniVersionText) }

    /// The `type` of each plugin, in order.
    public var pluginTypes: [String] { plugins.map { $0["type"]?.stringValue ?? "" } }

    /// Whether the list opts out of CHECK.
    public var disableCheck: Bool { object["disableCheck"]?.boolValue ?? false }

    /// A list from its parts.
    public init(object: JSONObject, plugins: [JSONObject]) {
        self.object = object
        self.plugins = plugins
    }

    /// Parses a `.conflist` document, or a single plugin configuration (a `.conf`) which
    /// becomes a list of one, as libcni does.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - source: where it came from (a file path or "the NetworkAttachmentDefinition ns/name"),
    ///     named in every error.
    ///   - requireName: whether a missing `name` is an error (it is for files on disk).
    public init(parsing bytes: some Collection<UInt8>, source: String, requireName: Bool = true) throws(CNIError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw CNIError(code: CNIErrorCode.decodingFailure,
                           msg: "\(source) is not valid JSON", details: error.description)
        }
        try self.init(json: value, source: source, requireName: requireName)
    }

    /// Reads a configuration list (or single configuration) from parsed JSON.
    public init(json value: JSONValue, source: String, requireName: Bool = true) throws(CNIError) {
        guard var object = value.objectValue else {
            throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                           msg: "\(source) must be a JSON object, not \(value.kindName)")
        }
        if let name = object["name"], name.stringValue == nil {
            throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                           msg: "\(source): \"name\" must be a string, not \(name.kindName)")
        }
        if let version = object["cniVersion"], version.stringValue == nil {
            throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                           msg: "\(source): \"cniVersion\" must be a string, not \(version.kindName)")
        }
        if requireName, (object["name"]?.stringValue ?? "").isEmpty {
            throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                           msg: "\(source) has no \"name\"")
        }
        var plugins: [JSONObject]
        if let list = object["plugins"] {
            guard let array = list.arrayValue else {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                               msg: "\(source): \"plugins\" must be an array, not \(list.kindName)")
            }
            guard !array.isEmpty else {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: "\(source): \"plugins\" is empty")
            }
            plugins = []
            for (index, element) in array.enumerated() {
                guard let plugin = element.objectValue else {
                    throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                                   msg: "\(source): plugins[\(index)] must be an object, not \(element.kindName)")
                }
                plugins.append(plugin)
            }
        } else {
            // A single configuration: the list keeps name and cniVersion, the plugin keeps everything.
            plugins = [object]
            var list = JSONObject()
            if let v = object["cniVersion"] { list["cniVersion"] = v }
            if let n = object["name"] { list["name"] = n }
            if let d = object["disableCheck"] { list["disableCheck"] = d }
            object = list
        }
        for (index, plugin) in plugins.enumerated() {
            let field = plugins.count == 1 && value.objectValue?["plugins"] == nil ? "\"type\"" : "plugins[\(index)].type"
            guard let type = plugin["type"] else {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: "\(source): \(field) is missing")
            }
            guard let typeName = type.stringValue else {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                               msg: "\(source): \(field) must be a string, not \(type.kindName)")
            }
            if let problem = PluginName.problem(typeName) {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                               msg: "\(source): \(field) \"\(typeName.prefix(64))\" is not a plugin name", details: problem)
            }
        }
        self.init(object: object, plugins: plugins)
    }

    /// The list as a `.conflist` document: the list's keys with `plugins` last.
    public var json: JSONValue {
        var out = object
        out["plugins"] = nil
        out["plugins"] = .array(plugins.map(JSONValue.object))
        return .object(out)
    }

    /// The list's bytes, as recorded in the checkpoint store and replayed on DEL.
    public func serialized() -> [UInt8] { json.serialized() }

    /// A copy with the given version declared.
    public func with(cniVersion: CNIVersion) -> NetworkConfigList {
        var copy = self
        copy.object["cniVersion"] = .string(cniVersion.description)
        return copy
    }

    /// The configuration one plugin of the list receives on stdin: its own keys with the
    /// list's `name` and `cniVersion` injected, and `prevResult` when given (libcni's
    /// `buildOneConfig`).
    public func pluginConfig(at index: Int, prevResult: JSONValue?) -> JSONValue {
        var plugin = plugins[index]
        plugin["name"] = .string(name)
        plugin["cniVersion"] = .string(cniVersionText)
        if let prevResult { plugin["prevResult"] = prevResult } else { plugin["prevResult"] = nil }
        return .object(plugin)
    }

    /// A copy where each plugin gets `runtimeConfig` holding those of `capabilityArgs` that
    /// it declares in its `capabilities`, as libcni injects runtime configuration.
    public func injectingRuntimeConfig(_ capabilityArgs: JSONObject) -> NetworkConfigList {
        guard !capabilityArgs.isEmpty else { return self }
        var copy = self
        for index in copy.plugins.indices {
            guard let capabilities = copy.plugins[index]["capabilities"]?.objectValue else { continue }
            var runtimeConfig = copy.plugins[index]["runtimeConfig"]?.objectValue ?? JSONObject()
            var changed = false
            for (key, value) in capabilityArgs where capabilities[key]?.boolValue == true {
                runtimeConfig[key] = value
                changed = true
            }
            if changed { copy.plugins[index]["runtimeConfig"] = .object(runtimeConfig) }
        }
        return copy
    }
}
