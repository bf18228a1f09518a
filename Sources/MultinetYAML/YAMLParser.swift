internal import CYAML
import MultinetJSON

/// Reads one YAML document with libyaml's event (parser) API into a ``YAMLNode`` tree.
///
/// libyaml is the C parser most YAML libraries wrap (Yams, PyYAML; go-yaml is a port of it):
/// it scans and parses without recursion, validates UTF-8 and reports every syntax error
/// with its position, in microseconds for a kubeconfig. What it does not bound, this reader
/// does: nesting depth, alias expansion, the number of documents.
enum YAMLParser {
    /// The deepest nesting of sequences and mappings accepted, as for JSON.
    static let maximumDepth = JSONValue.maximumDepth
    /// How many nodes aliases may add to a document in all. An alias bomb ("billion laughs")
    /// reaches this after a few levels; no real kubeconfig or theme comes near it.
    static let maximumAliasedNodes = 100_000

    /// The document's root node, `nil` when the stream holds no document (an empty file,
    /// or only comments).
    static func parse(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        // libyaml wants a non-null input pointer; an empty file holds no document.
        guard !bytes.isEmpty else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw YAMLError(line: 1, column: 1, problem: "libyaml cannot allocate a parser")
        }
        defer { yaml_parser_delete(parser) }
        let result = bytes.withUnsafeBufferPointer { input -> Result<YAMLNode?, YAMLError> in
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
            // Only UTF-8: libyaml would otherwise honour a UTF-16 byte order mark.
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            do throws(YAMLError) {
                return .success(try read(parser, input: input))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func read(_ parser: UnsafeMutablePointer<yaml_parser_t>,
                             input: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> YAMLNode? {
        var builder = YAMLTreeBuilder()
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else { throw failure(parser.pointee, input: input) }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return builder.root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else {
                    throw YAMLError(line: line, column: column,
                                    problem: "a second YAML document starts here; the file must hold one")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                try builder.scalar(text, style: style(scalar.style), tag: string(scalar.tag), anchor: string(scalar.anchor),
                                   line: line, column: column)
            case YAML_ALIAS_EVENT:
                try builder.alias(string(event.data.alias.anchor) ?? "", line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                try builder.start(mapping: false, tag: string(start.tag), anchor: string(start.anchor), line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                try builder.start(mapping: true, tag: string(start.tag), anchor: string(start.anchor), line: line, column: column)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                builder.end()
            default:
                break  // stream start, document end
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// libyaml's error: its problem and context are fixed texts (they never quote the input).
    private static func failure(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "the document cannot be parsed"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(line: 1, column: 1, problem: "libyaml ran out of memory")
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a line.
            let (line, column) = position(ofOffset: parser.problem_offset, in: input)
            let encoding = problem.contains("UTF-8") || problem.contains("Unicode")
            return YAMLError(line: line, column: column, problem: encoding ? "not UTF-8 text (\(problem))" : problem)
        default:
            var text = problem
            if let context = parser.context.map({ String(cString: $0) }) {
                text += " (\(context) that starts at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
            }
            return YAMLError(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1, problem: text)
        }
    }

    /// The 1-based line and column (in bytes) of a byte offset, counting lines as libyaml's
    /// marks do: LF, CR and CR LF each end one.
    static func position(ofOffset offset: Int, in input: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        let end = min(offset, input.count)
        for index in 0..<end {
            let byte = input[index]
            guard byte == 0x0A || (byte == 0x0D && (index + 1 >= input.count || input[index + 1] != 0x0A)) else { continue }
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
