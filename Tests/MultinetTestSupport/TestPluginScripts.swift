import Foundation

/// Shell scripts that stand in for third-party CNI plugins in end-to-end tests, written into
/// a node's bin dir (multinet's `binDir`) with ``MultinetNode/writeDelegate(_:script:)``.
/// They need `/bin/sh` and `jq`.
public enum TestPluginScripts {
    /// A "thick" plugin (alpha `Network` with `spec.plugin`) that supports CNI 0.3.1 and
    /// 0.4.0 only.
    ///
    /// - `VERSION`: prints `{"cniVersion":"0.4.0","supportedVersions":["0.3.1","0.4.0"]}`.
    /// - Any other command with a stdin `cniVersion` other than 0.3.1/0.4.0: prints a CNI
    ///   error with code 1 and exits 1.
    /// - Otherwise: rewrites the config with `jq` into a bridge + host-local config (its own
    ///   `bridge`, `subnet` and `dataDir`; `cniVersion`, `name` and everything else kept) and
    ///   execs `/usr/lib/cni/bridge` with the same environment (`/usr/lib/cni` appended to
    ///   `CNI_PATH` so bridge finds host-local).
    ///
    /// Every call appends `COMMAND VERSION` (`VERSION -` for VERSION) to `callLog`.
    public static func thickBridge(bridge: String, subnet: String, dataDir: String, callLog: String) -> String {
        """
        #!/bin/sh
        set -u
        log=\(shellQuoted(callLog))
        if [ "$CNI_COMMAND" = VERSION ]; then
            echo "VERSION -" >> "$log"
            printf '%s' '{"cniVersion":"0.4.0","supportedVersions":["0.3.1","0.4.0"]}'
            exit 0
        fi
        config=$(cat)
        version=$(printf '%s' "$config" | jq -r '.cniVersion // ""')
        echo "$CNI_COMMAND $version" >> "$log"
        case "$version" in
        0.3.1|0.4.0) ;;
        *)
            printf '{"cniVersion":"0.4.0","code":1,"msg":"thick-example supports CNI 0.3.1 and 0.4.0 only, not %s"}' "$version"
            exit 1 ;;
        esac
        rewritten=$(printf '%s' "$config" | jq -c --arg br \(shellQuoted(bridge)) --arg subnet \(shellQuoted(subnet)) --arg dir \(shellQuoted(dataDir)) \\
            '. + {type: "bridge", bridge: $br, isGateway: true, ipMasq: false, ipam: {type: "host-local", subnet: $subnet, dataDir: $dir}}') || exit 1
        CNI_PATH="${CNI_PATH:+$CNI_PATH:}\(RuntimeInvocation.debianPluginDirectory)"
        export CNI_PATH
        printf '%s' "$rewritten" | exec \(RuntimeInvocation.debianPluginDirectory)/bridge

        """
    }

    /// A plugin whose ADD always fails with CNI error `code` and `message`; DEL, CHECK and
    /// the rest succeed silently; VERSION claims 0.3.0 through 1.0.0.
    public static func failingAdd(code: Int, message: String) -> String {
        let error = "{\"cniVersion\":\"1.0.0\",\"code\":\(code),\"msg\":\"\(message)\"}"
        return """
        #!/bin/sh
        case "$CNI_COMMAND" in
        VERSION) printf '%s' '{"cniVersion":"1.0.0","supportedVersions":["0.3.0","0.3.1","0.4.0","1.0.0"]}' ;;
        ADD) cat > /dev/null; printf '%s' \(shellQuoted(error)); exit 1 ;;
        *) cat > /dev/null ;;
        esac
        exit 0

        """
    }

    /// The lines of a call log written by ``thickBridge(bridge:subnet:dataDir:callLog:)``.
    public static func calls(in callLog: String) -> [String] {
        ((try? String(contentsOfFile: callLog, encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// `text` in single quotes for `/bin/sh`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
