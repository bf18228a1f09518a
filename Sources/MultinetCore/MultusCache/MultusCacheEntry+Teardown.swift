import MultinetCNI
import MultinetJSON

extension MultusCacheEntry {
    /// The DEL of every delegate, last attached first, as Multus's `CmdDel` runs them from
    /// this entry: element 0 is the master plugin; each gets the interface Multus gave it,
    /// the same `CNI_ARGS`, its capability arguments, and — for a configuration list whose
    /// `ConfList.cniVersion` is empty — the caller's `cniVersion` (Multus uses its own).
    ///
    /// - Parameters:
    ///   - containerID: `CNI_CONTAINERID`.
    ///   - runtimeIfName: the runtime's `CNI_IFNAME` (the cluster network's interface).
    ///   - cniArgs: the runtime's `CNI_ARGS`.
    ///   - runtimeConfig: the runtime's `runtimeConfig` from multinet's stdin.
    ///   - cniVersion: multinet's own `cniVersion`.
    public func teardowns(containerID: String, runtimeIfName: String, cniArgs: CNIArgs,
                          runtimeConfig: JSONObject, cniVersion: CNIVersion) -> [MultusDelegateTeardown] {
        let args = MultusRuntimeConf.cniArgs(cniArgs)
        return delegates.reversed().map { delegate in
            let ifName = delegate.interfaceName(runtimeIfName: runtimeIfName)
            var teardown = MultusDelegateTeardown(index: delegate.index, network: delegate.displayName, ifName: ifName,
                                                  configuration: nil, cniArgs: args, problem: delegate.problem)
            guard delegate.problem == nil, var list = delegate.configuration else { return teardown }
            if delegate.isConfList && delegate.confListCNIVersion.isEmpty {
                list = list.with(cniVersion: cniVersion)
            }
            list = list.injectingRuntimeConfig(MultusRuntimeConf.capabilityArgs(
                for: delegate, runtimeConfig: runtimeConfig, containerID: containerID, ifName: ifName))
            teardown.configuration = list
            teardown.resultsFile = LibcniCacheFile.name(network: list.name, containerID: containerID, ifName: ifName)
            if let version = list.cniVersion, version >= .v0_4_0 { teardown.resultVersion = version }
            return teardown
        }
    }
}
