import MultinetCNI
import MultinetJSON

extension NetworkSelection {
    /// The configuration this selection's delegate gets, and its `runtimeConfig`: the
    /// selection's `cni-args` merged into every plugin's `args.cni` (as Multus does), and
    /// its capability arguments (`ips`, `mac`, `portMappings`, `bandwidth`,
    /// `infinibandGUID`), each of which some plugin in the list must declare.
    ///
    /// - Throws: code 7 naming the capability and the plugins when none declares it.
    public func applied(to list: NetworkConfigList) throws -> (list: NetworkConfigList, runtimeConfig: JSONObject) {
        let arguments = capabilityArgs
        for (capability, _) in arguments {
            let declared = list.plugins.contains { $0["capabilities"]?.objectValue?[capability]?.boolValue == true }
            if !declared {
                throw ResolutionError.capabilityNotDeclared(network: qualifiedName, capability: capability, plugins: list.pluginTypes)
            }
        }
        guard let cniArgs, !cniArgs.isEmpty else { return (list, arguments) }
        var copy = list
        for index in copy.plugins.indices {
            var args = copy.plugins[index]["args"]?.objectValue ?? JSONObject()
            var cni = args["cni"]?.objectValue ?? JSONObject()
            for (key, value) in cniArgs { cni[key] = value }
            args["cni"] = .object(cni)
            copy.plugins[index]["args"] = .object(args)
        }
        return (copy, arguments)
    }
}
