/// The rule for a plugin `type`: a bare file name, never a path, so that a configuration
/// can only ever name a plugin inside the plugin directories (``PluginLocator`` searches them).
public enum PluginName {
    /// Why `type` cannot name a plugin, or `nil` when it can: it must be a bare file name.
    public static func problem(_ type: String) -> String? {
        if type.isEmpty { return "it is empty" }
        if type.utf8.count > 255 { return "it is longer than 255 bytes" }
        if type == "." || type == ".." { return "'.' and '..' are not plugin names" }
        if type.utf8.contains(UInt8(ascii: "/")) { return "it must be a bare file name without '/'" }
        if type.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "it must not contain control characters" }
        return nil
    }
}
