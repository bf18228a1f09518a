/// JSON merge patch (RFC 7386), the `application/merge-patch+json` PATCH type.
enum MergePatch {
    /// Applies `patch` to `target`: objects merge key by key, `null` removes a key, anything
    /// else (arrays included) replaces the target.
    static func apply(_ patch: KubeJSON, to target: KubeJSON?) -> KubeJSON {
        guard case .object(let patchObject) = patch else { return patch }
        var result = target?.objectValue ?? KubeJSON.Object()
        for (key, value) in patchObject {
            if value == .null {
                result[key] = nil
            } else {
                result[key] = apply(value, to: result[key])
            }
        }
        return .object(result)
    }
}
