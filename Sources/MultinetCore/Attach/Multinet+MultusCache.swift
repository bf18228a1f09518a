import Logging
import MultinetCNI
import MultinetJSON
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// DEL of a container with no record. Pods Multus attached before multinet replaced it
    /// have a cache entry `<cniDir>/<containerID>`: every delegate it lists is torn down as
    /// Multus would have (``delMultusEntry(_:path:cache:request:)``). Without one — or when
    /// the file there is not a usable Multus entry, which is logged and left in place — the
    /// current default network gets a best-effort DEL, and the DEL succeeds.
    func delUnrecorded(_ request: CNIRequest) throws {
        let env = request.environment
        let cache = MultusCacheDirectory(path: request.config.cniDir)
        let path = cache.entryPath(containerID: env.containerID)
        let bytes: [UInt8]
        switch phases.measure("multus.read", { cache.readEntry(containerID: env.containerID) }) {
        case .absent:
            delDefaultNetwork(request)
            return
        case .unusable(let problem):
            logger.error("a file where Multus keeps its cache entry for this container cannot be used; it is left in place, and only the default network is torn down",
                         metadata: ["container": .string(env.containerID), "file": .string(path), "problem": .string(problem)])
            delDefaultNetwork(request)
            return
        case .contents(let contents):
            bytes = contents
        }
        let entry: MultusCacheEntry
        do {
            entry = try MultusCacheEntry(parsing: bytes, source: path)
        } catch {
            logger.error("the file where Multus keeps its cache entry for this container is not one; it is left in place, and only the default network is torn down",
                         metadata: ["container": .string(env.containerID), "file": .string(path), "problem": .string(String(describing: error))])
            delDefaultNetwork(request)
            return
        }
        try delMultusEntry(entry, path: path, cache: cache, request: request)
    }

    /// Tears down every delegate of a Multus cache entry, last attached first, each with the
    /// configuration, interface, `CNI_ARGS`, capability arguments and cached result Multus
    /// would have used (``MultusCacheEntry/teardowns(containerID:runtimeIfName:cniArgs:runtimeConfig:cniVersion:)``),
    /// its plugins found only in `CNI_PATH` and `binDir`. `CNI_PATH` for the plugins is
    /// `binDir` then the runtime's, as Multus passes it. Each delegate torn down loses its
    /// libcni results file; when all are, the entry is removed. Otherwise the entry stays
    /// (so the runtime's next DEL finishes the job) and one error lists every delegate that
    /// could not be torn down, with the reason — an unreadable one is reported, never run.
    func delMultusEntry(_ entry: MultusCacheEntry, path: String, cache: MultusCacheDirectory,
                        request: CNIRequest) throws {
        let env = request.environment
        let config = request.config
        let teardowns = entry.teardowns(containerID: env.containerID, runtimeIfName: env.ifName, cniArgs: env.args,
                                        runtimeConfig: config.runtimeConfig, cniVersion: config.cniVersion)
        let cniPath = (config.binDir + env.path).joined(separator: ":")
        var failures: [TeardownFailure] = []
        for teardown in teardowns {
            let started = MonotonicClock.nanoseconds()
            do throws {
                if let problem = teardown.problem { throw problem }
                guard let list = teardown.configuration else {
                    throw CommandFailure.cachedDelegateUnconfigured(path: path, index: teardown.index)
                }
                let context = DelegateContext(
                    containerID: env.containerID, netns: env.netns, ifName: teardown.ifName, cniPath: cniPath,
                    cniArgs: teardown.cniArgs, binDir: config.binDir, baseEnvironment: env.inherited,
                    timeoutSeconds: config.delegateTimeoutSeconds)
                let prevResult = cachedResult(teardown, cache: cache)
                try phases.measure("delegate.del") { () throws in
                    try invoker.del(list, prevResult: prevResult, context: context)
                }
                if let name = teardown.resultsFile {
                    do {
                        try cache.removeResult(name)
                    } catch {
                        logger.warning("torn down, but libcni's cached result could not be removed",
                                       metadata: ["file": .string(cache.resultPath(name)), "error": .string(error.description)])
                    }
                }
                logger.info("detached (from Multus's cache entry)", metadata: [
                    "container": .string(env.containerID), "network": .string(teardown.network),
                    "interface": .string(teardown.ifName), "file": .string(path),
                    "ms": .string(String(Self.millisecondsSince(started))),
                ])
            } catch {
                logger.error("a delegate in Multus's cache entry could not be torn down; the entry is kept for the next DEL",
                             metadata: ["container": .string(env.containerID), "file": .string(path),
                                        "network": .string(teardown.network), "interface": .string(teardown.ifName),
                                        "error": .string(String(describing: error))])
                failures.append(TeardownFailure(network: teardown.network, ifName: teardown.ifName, error: CNIError(reporting: error)))
            }
        }
        guard failures.isEmpty else {
            throw TeardownIncomplete.multusEntry(failures: failures, total: teardowns.count, path: path, containerID: env.containerID)
        }
        do {
            try cache.removeEntry(containerID: env.containerID)
        } catch {
            throw CommandFailure.cacheEntryNotRemoved(containerID: env.containerID, path: path, problem: error.description)
        }
        logger.info("every delegate in Multus's cache entry was torn down; the entry is removed",
                    metadata: ["container": .string(env.containerID), "file": .string(path),
                               "delegates": .string(String(teardowns.count))])
    }

    /// libcni's cached result of a delegate as its `prevResult`; `nil` (logged when a file is
    /// there but unusable: the delegate's DEL then runs without one, as libcni does for a
    /// list whose cached result it cannot read) when there is none.
    func cachedResult(_ teardown: MultusDelegateTeardown, cache: MultusCacheDirectory) -> JSONValue? {
        guard let version = teardown.resultVersion, let name = teardown.resultsFile else { return nil }
        let file = cache.resultPath(name)
        let problem: String
        switch cache.readResult(name) {
        case .absent:
            return nil
        case .unusable(let reason):
            problem = reason
        case .contents(let bytes):
            do {
                return try LibcniCacheFile.prevResult(parsing: bytes, as: version, source: file)
            } catch {
                problem = String(describing: error)
            }
        }
        logger.warning("libcni's cached result cannot be used; the delegate's DEL runs without prevResult",
                       metadata: ["file": .string(file), "network": .string(teardown.network), "problem": .string(problem)])
        return nil
    }
}
