import MultinetCNI
import MultinetJSON
import MultinetModel

/// Runs a configuration list's plugins as libcni does: ADD in order with `prevResult`
/// chained, DEL in reverse with the recorded result, CHECK in order.
public struct ConfigListInvoker: Sendable {
    /// How plugins are run.
    public var executor: any DelegateExecutor

    /// An invoker over an executor.
    public init(executor: any DelegateExecutor) {
        self.executor = executor
    }

    private func run(_ list: NetworkConfigList, index: Int, command: CNICommand, prevResult: JSONValue?,
                     context: DelegateContext) throws -> [UInt8] {
        let type = list.pluginTypes[index]
        let path = try executor.findPlugin(type: type, in: context.searchPath)
        let stdin = list.pluginConfig(at: index, prevResult: prevResult).serialized()
        return try executor.execute(DelegateCall(pluginPath: path, command: command,
                                                 environment: context.environment(for: command),
                                                 stdin: stdin, timeoutSeconds: context.timeoutSeconds))
    }

    /// ADD through every plugin; returns the last plugin's result, validated, in the list's version.
    public func add(_ list: NetworkConfigList, prevResult: JSONValue? = nil, context: DelegateContext) throws -> DelegateResult {
        var previous = prevResult
        var result: DelegateResult?
        for index in list.plugins.indices {
            let stdout = try run(list, index: index, command: .add, prevResult: previous, context: context)
            let plugin = list.pluginTypes[index]
            guard !stdout.isEmpty else {
                throw DelegateFailure.noResult(plugin: plugin, network: list.name)
            }
            let json: JSONValue
            do {
                json = try JSONValue(parsing: stdout)
            } catch {
                throw DelegateFailure.resultNotJSON(
                    plugin: plugin, network: list.name,
                    problem: "\(error.description); stdout begins: \(String(decoding: stdout.prefix(120), as: UTF8.self))")
            }
            let parsed: CNIResult
            do throws {
                parsed = try CNIResult(json: json)
            } catch {
                throw ContextualFailure(context: "plugin \(plugin) of network \"\(list.name)\" printed an invalid result", underlying: error)
            }
            result = DelegateResult(json: json, validated: parsed)
            previous = json
        }
        return result!
    }

    /// Checks that every plugin of the list is installed, before anything is recorded or run.
    public func locateAll(_ list: NetworkConfigList, context: DelegateContext) throws {
        for type in list.pluginTypes {
            _ = try executor.findPlugin(type: type, in: context.searchPath)
        }
    }

    /// DEL through every plugin in reverse order, stopping at the first failure as libcni does.
    public func del(_ list: NetworkConfigList, prevResult: JSONValue?, context: DelegateContext) throws {
        for index in list.plugins.indices.reversed() {
            _ = try run(list, index: index, command: .del, prevResult: prevResult, context: context)
        }
    }

    /// CHECK through every plugin in order with the recorded result.
    public func check(_ list: NetworkConfigList, prevResult: JSONValue?, context: DelegateContext) throws {
        for index in list.plugins.indices {
            _ = try run(list, index: index, command: .check, prevResult: prevResult, context: context)
        }
    }

    /// STATUS of every plugin: a plugin that speaks 1.1.0 is asked; an older one counts as
    /// ready when its binary is present.
    public func status(_ list: NetworkConfigList, context: DelegateContext) throws {
        for index in list.plugins.indices {
            let type = list.pluginTypes[index]
            let path: String
            do {
                path = try executor.findPlugin(type: type, in: context.searchPath)
            } catch {
                throw DelegateFailure.notInstalled(network: list.name, plugin: type, searchPath: context.searchPath)
            }
            guard let version = list.cniVersion, version >= .v1_1_0 else { continue }
            let supported = try versions(ofPluginAt: path, context: context)
            guard supported.contains(.v1_1_0) else { continue }
            let stdin = list.pluginConfig(at: index, prevResult: nil).serialized()
            _ = try executor.execute(DelegateCall(pluginPath: path, command: .status,
                                                  environment: context.environment(for: .status),
                                                  stdin: stdin, timeoutSeconds: context.timeoutSeconds))
        }
    }

    /// The versions a plugin reports for `CNI_COMMAND=VERSION`.
    public func versions(ofPluginAt path: String, context: DelegateContext) throws -> [CNIVersion] {
        let stdin = JSONValue.object(JSONObject([("cniVersion", .string(CNIVersion.latest.description))])).serialized()
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stdout = try executor.execute(DelegateCall(pluginPath: path, command: .version,
                                                       environment: context.environment(for: .version),
                                                       stdin: stdin, timeoutSeconds: context.timeoutSeconds))
        guard let json = try? JSONValue(parsing: stdout), let list = json["supportedVersions"]?.arrayValue else {
            throw DelegateFailure.noVersionList(plugin: name)
        }
        return list.compactMap { $0.stringValue.flatMap(CNIVersion.init) }
    }

    /// The list with a `cniVersion` every plugin in it supports. A declared version up to
    /// 1.0.0 that multinet speaks is kept as is (every maintained plugin speaks those, and
    /// asking costs a process per plugin on the pod-start path); a missing, unknown or newer
    /// one is replaced by the highest version multinet and all the list's plugins share.
    public func negotiated(_ list: NetworkConfigList, context: DelegateContext) throws -> NetworkConfigList {
        if let declared = list.cniVersion, declared.isSupported, declared <= .v1_0_0 { return list }
        var common = CNIVersion.supported
        for type in Set(list.pluginTypes) {
            let path = try executor.findPlugin(type: type, in: context.searchPath)
            let theirs = try versions(ofPluginAt: path, context: context)
            common = common.filter(theirs.contains)
        }
        guard let chosen = common.max() else {
            throw DelegateFailure.noCommonVersion(network: list.name, plugins: list.pluginTypes, declared: list.cniVersionText)
        }
        return list.with(cniVersion: chosen)
    }
}
