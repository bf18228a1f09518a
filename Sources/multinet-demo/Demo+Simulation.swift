import Foundation

/// The demo on a machine without root or Debian's CNI plugins: the same flow through the
/// real `multinet` binary, but every network's plugin is `demo-sim`, a stand-in that
/// configures nothing and says so, and no network namespace is created.
extension Demo {
    /// Why the demo cannot use real namespaces and plugins here; empty when it can.
    static func simulationReasons(cniPath: String) -> [String] {
        var reasons: [String] = []
        if geteuid() != 0 { reasons.append("not running as root (network namespaces and bridges need CAP_NET_ADMIN)") }
        let dirs = cniPath.split(separator: ":").map(String.init)
        for plugin in ["bridge", "host-local"] where !dirs.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(plugin)") }) {
            reasons.append("the CNI plugin \"\(plugin)\" is not in \(cniPath) (scripts/setup-machine installs Debian's containernetworking-plugins)")
        }
        return reasons
    }

    var binDir: String { root + "/bin" }

    /// A network plugin's configuration keys: the real `bridge` with `host-local`, or the
    /// simulated stand-in.
    func pluginKeys(bridge name: String, subnet: String, gateway: Bool = false) -> String {
        if simulated {
            return #""type":"demo-sim","simSubnet":"\#(subnet)""#
        }
        let gatewayKey = gateway ? #""isGateway":true,"# : ""
        return #""type":"bridge","bridge":"\#(name)",\#(gatewayKey)"ipMasq":false,"ipam":{"type":"host-local","subnet":"\#(subnet)","dataDir":"\#(ipamDir)"}"#
    }

    /// The path of the plugin `demo-flaky` wraps.
    var wrappedPlugin: String {
        if simulated { return binDir + "/demo-sim" }
        return cniPath.split(separator: ":").map { "\($0)/bridge" }.first { FileManager.default.isExecutableFile(atPath: $0) }!
    }

    /// Creates a pod's network namespace (nothing when simulated).
    func addNamespace(_ ns: String) throws {
        guard !simulated else { return }
        try shell(["ip", "netns", "add", ns])
        resources.add(namespace: ns)
    }

    /// The pod's interfaces as `ip -br addr` shows them, without `lo`.
    func podInterfaces(_ ns: String) throws -> [String] {
        guard !simulated else { return ["(simulated: no network namespace; see the result and the store)"] }
        return try shell(["ip", "-n", ns, "-br", "addr"]).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("lo") }
    }

    /// The interface names left in a pod's namespace besides `lo`.
    func linksLeft(_ ns: String) throws -> [String] {
        guard !simulated else { return [] }
        return try shell(["ip", "-n", ns, "-br", "link"]).split(separator: "\n")
            .map { String($0.split(separator: " ").first ?? "").split(separator: "@").first.map(String.init) ?? "" }
            .filter { $0 != "lo" && !$0.isEmpty }
    }

    /// Writes `demo-sim` into the demo's bin dir.
    func installSimulatedPlugin() throws {
        let script = """
            #!/bin/sh
            # demo-sim: a SIMULATED CNI plugin for `multinet-inspect demo` on machines without root or
            # Debian's plugins. It configures nothing; it answers as a plugin would, with addresses
            # counted per network in \(root)/sim.
            set -e
            case "$CNI_COMMAND" in
            VERSION) printf '{"cniVersion":"1.0.0","supportedVersions":["0.3.1","0.4.0","1.0.0"]}'; exit 0 ;;
            ADD) ;;
            *) cat >/dev/null; exit 0 ;;
            esac
            config=$(cat)
            version=$(printf '%s' "$config" | sed -n 's/.*"cniVersion":"\\([^"]*\\)".*/\\1/p' | head -n 1)
            name=$(printf '%s' "$config" | sed -n 's/.*"name":"\\([^"]*\\)".*/\\1/p' | head -n 1)
            prefix=$(printf '%s' "$config" | sed -n 's/.*"simSubnet":"\\([0-9]*\\.[0-9]*\\.[0-9]*\\)\\.0\\/24".*/\\1/p' | head -n 1)
            mkdir -p '\(root)/sim'
            count_file='\(root)/sim/'"$name"
            n=$(cat "$count_file" 2>/dev/null || echo 1)
            n=$((n + 1))
            echo "$n" > "$count_file"
            family=''
            case "$version" in 0.*) family='"version":"4",' ;; esac
            printf '{"cniVersion":"%s","interfaces":[{"name":"%s","mac":"02:00:5e:00:00:%02x","sandbox":"%s"}],"ips":[{%s"interface":0,"address":"%s.%d/24"}],"dns":{}}' \\
              "${version:-1.0.0}" "$CNI_IFNAME" "$n" "$CNI_NETNS" "$family" "$prefix" "$n"
            """
        try script.write(toFile: binDir + "/demo-sim", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binDir + "/demo-sim")
    }
}
