extension ObjectStore {
    /// The status the apiserver's controllers soon give a newly created object of the kinds
    /// that would otherwise stay without one here: a CustomResourceDefinition is
    /// `Established` with its names accepted (the double serves the kinds multinet uses from
    /// the start); a DaemonSet is scheduled on no node (the double has none).
    func initialStatus(_ resource: ServedResource, object: KubeJSON) -> KubeJSON? {
        switch resource {
        case .customResourceDefinitions:
            let now = KubeJSON.string(timestamp())
            let condition = { (type: String, reason: String, message: String) -> KubeJSON in
                ["type": .string(type), "status": "True", "lastTransitionTime": now, "reason": .string(reason),
                 "message": .string(message)]
            }
            let storedVersions = (object.value(at: "spec.versions")?.arrayValue ?? [])
                .filter { $0["storage"]?.boolValue == true }.compactMap { $0["name"] }
            return [
                "conditions": [
                    condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                    condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
                ],
                "acceptedNames": object.value(at: "spec.names") ?? .object([:]),
                "storedVersions": .array(storedVersions),
            ]
        case .daemonSets:
            return [
                "currentNumberScheduled": 0, "desiredNumberScheduled": 0, "numberMisscheduled": 0, "numberReady": 0,
                "observedGeneration": 1,
            ]
        default:
            return nil
        }
    }
}
