/// A test delegate whose DEL fails while a marker file exists (and removes it), so a
/// teardown fails once and succeeds on the retry. ADD prints a result for its interface
/// with one address; VERSION claims 0.3.0 through 1.0.0. Needs only `/bin/sh`.
public enum FlakyTeardownPlugin {
    /// The script; `address` is the IP with prefix the ADD result reports.
    public static func script(marker: String, address: String = "10.77.0.5/24", mac: String = "02:00:00:00:77:05") -> String {
        let quoted = TestPluginScripts.shellQuoted(marker)
        return """
        #!/bin/sh
        cat > /dev/null
        case "$CNI_COMMAND" in
        VERSION) printf '%s' '{"cniVersion":"1.0.0","supportedVersions":["0.3.0","0.3.1","0.4.0","1.0.0"]}' ;;
        ADD) printf '{"cniVersion":"1.0.0","interfaces":[{"name":"%s","mac":"\(mac)","sandbox":"%s"}],"ips":[{"address":"\(address)","interface":0}]}' "$CNI_IFNAME" "$CNI_NETNS" ;;
        DEL)
            if [ -e \(quoted) ]; then
                rm -f \(quoted)
                printf '%s' '{"cniVersion":"1.0.0","code":11,"msg":"flaky refuses this DEL once"}'
                exit 1
            fi ;;
        esac
        exit 0

        """
    }
}
