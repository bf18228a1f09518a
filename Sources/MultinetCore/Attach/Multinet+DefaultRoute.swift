#if canImport(Glibc)
import Glibc
#endif
import MultinetCNI
import MultinetCheckpoint
import MultinetModel
import MultinetNetlink
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// Carries out a selection's `default-route` once every attachment of the ADD is up:
    /// inside the pod's namespace the default route of each gateway's family goes via that
    /// gateway on the selection's interface, and the other default routes of those
    /// families (the cluster network's on `eth0`) are removed; every other route stays.
    /// The results (what the runtime, `network-status`, CHECK and DEL see) are changed to
    /// match. Without such a selection the results are returned as they are.
    ///
    /// A failure rolls back every attachment, like any attachment failure, and throws an
    /// error naming the pod, network, interface and gateway: code 7 when the gateway is not
    /// reachable on the interface (nothing is changed then), code 5 when the kernel refuses.
    func applyDefaultRoute(_ attached: [(planned: PlannedAttachment, result: CNIResult)], request: CNIRequest,
                           store: CheckpointStore) throws -> [(planned: PlannedAttachment, result: CNIResult)] {
        guard let chosen = attached.first(where: { !$0.planned.defaultRoute.isEmpty }) else { return attached }
        let env = request.environment
        let gateways = chosen.planned.defaultRoute
        let gatewayText = gateways.map(\.description).joined(separator: ", ")
        let prefix = "pod \(request.pod.displayName) (container \(env.containerID)): network \"\(chosen.planned.qualifiedName)\" on interface \(chosen.planned.ifName): default-route via \(gatewayText)"
        let started = MonotonicClock.nanoseconds()
        let plan: DefaultRoutePlan
        do throws {
            plan = try phases.measure("route.default") { () throws in
                try setDefaultRoute(gateways, on: chosen, netns: env.netns, prefix: prefix)
            }
        } catch {
            rollBack(recordedPairs(attached, request: request, store: store), store: store, request: request, cause: error)
            throw error
        }
        let families = Set(gateways.map(\.family))
        let adjusted = attached.map { entry in
            (planned: entry.planned, result: entry.planned.ifName == chosen.planned.ifName
                ? entry.result.replacingDefaultRoutes(with: gateways)
                : entry.result.removingDefaultRoutes(of: families))
        }
        do {
            var changed: [(ifName: String, result: [UInt8])] = []
            for (before, after) in zip(attached, adjusted) where before.result != after.result {
                changed.append((ifName: after.planned.ifName, result: try after.result.json().serialized()))
            }
            try store.replaceResults(containerID: env.containerID, runtimeIfName: env.ifName, changed)
        } catch {
            logger.warning("the default route is set, but the adjusted results could not be recorded; CHECK may report the old default route",
                           metadata: ["pod": .string(request.pod.displayName), "error": .string(String(describing: error))])
        }
        logger.info("default route set", metadata: [
            "pod": .string(request.pod.displayName), "container": .string(env.containerID),
            "network": .string(chosen.planned.qualifiedName), "interface": .string(chosen.planned.ifName),
            "gateway": .string(gatewayText), "removed": .string(plan.removals.map(\.description).joined(separator: "; ")),
            "ms": .string(String(Self.millisecondsSince(started))),
        ])
        return adjusted
    }

    /// Reads the namespace, plans and applies the change: removals first (the kernel
    /// refuses a second default route of the same metric), then additions. When an
    /// addition fails the removed routes are put back, best effort, before the error.
    private func setDefaultRoute(_ gateways: [IPAddress], on chosen: (planned: PlannedAttachment, result: CNIResult),
                                 netns: String, prefix: String) throws -> DefaultRoutePlan {
        let ifName = chosen.planned.ifName
        func kernelFailure(_ error: NetlinkError, _ activity: String) -> RouteFailure {
            .kernel(context: prefix, activity: activity, netns: netns, error: error)
        }
        let session: any KernelSession
        let links: [KernelLink]
        let routes: [KernelRoute]
        do throws(NetlinkError) {
            session = try kernel.session(netns: netns)
            links = try session.links()
            routes = try session.routes(family: nil)
        } catch {
            throw kernelFailure(error, "cannot read the interfaces and routes")
        }
        let plan: DefaultRoutePlan
        do throws(DefaultRouteProblem) {
            plan = try DefaultRoutePlan.make(gateways: gateways, interface: ifName,
                                             subnets: chosen.result.prefixes(forInterface: ifName),
                                             links: links, routes: routes)
        } catch {
            throw RouteFailure.unplannable(context: prefix, problem: error)
        }
        var removed: [KernelRoute] = []
        for route in plan.removals {
            do throws(NetlinkError) {
                try session.delete(route)
                removed.append(route)
            } catch where error.errno == ESRCH {
                continue  // ESRCH: gone meanwhile, which is what was wanted.
            } catch {
                restore(removed, session: session)
                throw kernelFailure(error, "cannot remove the default route \(route)")
            }
        }
        for route in plan.additions {
            do throws(NetlinkError) {
                try session.add(route)
            } catch {
                restore(removed, session: session)
                throw kernelFailure(error, "cannot add the default route via \(route.gateway.map(\.description) ?? "?") on \(ifName)")
            }
        }
        return plan
    }

    /// Puts removed routes back after a failed change (the rollback that follows tears the
    /// attachments down, but a route of an interface that stays must not be lost).
    private func restore(_ routes: [KernelRoute], session: any KernelSession) {
        for route in routes {
            do throws(NetlinkError) {
                try session.add(route)
            } catch {
                logger.warning("could not restore a removed route", metadata: ["route": .string(route.description),
                                                                              "error": .string(error.description)])
            }
        }
    }

    /// The attachments with their store records, for a rollback after every one was attached.
    private func recordedPairs(_ attached: [(planned: PlannedAttachment, result: CNIResult)], request: CNIRequest,
                               store: CheckpointStore) -> [(PlannedAttachment, AttachmentRecord)] {
        let records = (try? recordedAttachments(request, store: store)) ?? []
        return attached.compactMap { entry in
            records.first { $0.ifName == entry.planned.ifName }.map { (entry.planned, $0) }
        }
    }
}
