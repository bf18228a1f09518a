import MultinetBenchmark
import MultinetJSON

/// What `refresh-probe` prints (one JSON object) and the parent reads back.
struct RefreshReport {
    /// A JSON number as a `Double`.
    static func double(_ value: JSONValue?) -> Double? {
        if case .number(let text)? = value { return Double(text) }
        return nil
    }

    var firstCPU: Double
    var refreshCPU: Samples
    var refreshWall: Samples
    /// CPU of a refresh after a change (see `refresh-probe`).
    var changedCPU: Samples
    /// The same with the CPU of making the change (the patch request) counted in.
    var changedWithPatchCPU: Samples
    var render: Samples
    var peakRSSMB: Double
    var pods: Int
    /// CPU of each part of a refresh, run one after the other.
    var parts: [String: Samples]
    /// How many recorded netns the last snapshot read from the kernel, and could not.
    var kernelRead: Int
    var kernelUnknown: Int
    /// Drift entries in the last snapshot, and how many of each kind.
    var drift: Int
    var driftKinds: String

    init(firstCPU: Double, refreshCPU: Samples, refreshWall: Samples, changedCPU: Samples, changedWithPatchCPU: Samples,
         render: Samples, peakRSSMB: Double, pods: Int, parts: [String: Samples], kernelRead: Int = 0, kernelUnknown: Int = 0,
         drift: Int = 0, driftKinds: String = "") {
        self.driftKinds = driftKinds
        self.parts = parts
        self.kernelRead = kernelRead
        self.kernelUnknown = kernelUnknown
        self.drift = drift
        self.changedCPU = changedCPU
        self.changedWithPatchCPU = changedWithPatchCPU
        self.firstCPU = firstCPU
        self.refreshCPU = refreshCPU
        self.refreshWall = refreshWall
        self.render = render
        self.peakRSSMB = peakRSSMB
        self.pods = pods
    }

    init(json: JSONValue) throws {
        func number(_ key: String) throws -> Double {
            guard let value = Self.double(json[key]) else { throw BenchError.failed("refresh-probe: no \(key)") }
            return value
        }
        func samples(_ key: String) -> Samples { Samples(json[key]?.arrayValue?.compactMap { Self.double($0) } ?? []) }
        firstCPU = try number("firstCPU")
        refreshCPU = samples("refreshCPU")
        refreshWall = samples("refreshWall")
        changedCPU = samples("changedCPU")
        changedWithPatchCPU = samples("changedWithPatchCPU")
        render = samples("render")
        peakRSSMB = try number("peakRSSMB")
        pods = Int(try number("pods"))
        kernelRead = Int(Self.double(json["kernelRead"]) ?? 0)
        kernelUnknown = Int(Self.double(json["kernelUnknown"]) ?? 0)
        drift = Int(Self.double(json["drift"]) ?? 0)
        driftKinds = json["driftKinds"]?.stringValue ?? ""
        var parts: [String: Samples] = [:]
        for (name, value) in json["parts"]?.objectValue ?? JSONObject() {
            parts[name] = Samples(value.arrayValue?.compactMap { Self.double($0) } ?? [])
        }
        self.parts = parts
    }

    var json: JSONValue {
        func list(_ s: Samples) -> JSONValue { .array(s.values.map { .number(String($0)) }) }
        return .object(JSONObject([
            ("firstCPU", .number(String(firstCPU))), ("refreshCPU", list(refreshCPU)), ("refreshWall", list(refreshWall)),
            ("changedCPU", list(changedCPU)), ("changedWithPatchCPU", list(changedWithPatchCPU)),
            ("render", list(render)), ("peakRSSMB", .number(String(peakRSSMB))), ("pods", .int(pods)),
            ("kernelRead", .int(kernelRead)), ("kernelUnknown", .int(kernelUnknown)), ("drift", .int(drift)), ("driftKinds", .string(driftKinds)),
            ("parts", .object(JSONObject(parts.sorted { $0.key < $1.key }.map { ($0.key, list($0.value)) }))),
        ]))
    }
}
