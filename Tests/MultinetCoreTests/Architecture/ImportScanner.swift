/// The modules a Swift source file imports, read line by line: `import X`, with any
/// attributes (`@testable`, `@preconcurrency`), access level (`package import`) or kind
/// (`import struct X.Y`) in front, and submodules reduced to their module.
enum ImportScanner {
    static let prefixes: Set = ["public", "package", "internal", "fileprivate", "private", "@testable",
                                "@preconcurrency", "@_exported", "@_implementationOnly"]
    static let kinds: Set = ["struct", "class", "enum", "protocol", "typealias", "func", "let", "var"]

    /// The imported modules in the order of their first import.
    static func modules(in source: String) -> [String] {
        var found: [String] = []
        for line in source.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, prefixes.contains(first) { words.removeFirst() }
            guard words.count >= 2, words[0] == "import" else { continue }
            var target = words[1]
            if kinds.contains(target), words.count >= 3 { target = words[2] }
            let module = String(target.split(separator: ".").first ?? "")
            if !module.isEmpty, !found.contains(module) { found.append(module) }
        }
        return found
    }
}
