/// The xterm palette: RGB values of indices 0–255, and nearest-colour lookup within the
/// first 8, 16 or 256 entries.
public enum ColorPalette {
    /// The RGB value of a palette index (xterm's defaults).
    public static func rgb(_ index: Int) -> (red: Int, green: Int, blue: Int) {
        switch index {
        case 0..<16:
            return base[index]
        case 16..<232:
            let i = index - 16
            let levels = [0, 95, 135, 175, 215, 255]
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        case 232..<256:
            let v = 8 + (index - 232) * 10
            return (v, v, v)
        default:
            return (0, 0, 0)
        }
    }

    static let base: [(red: Int, green: Int, blue: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The index among the first `count` palette entries nearest to an RGB colour
    /// (weighted Euclidean distance). With 256 colours only the cube and the grey ramp
    /// (16–255) are searched: their colours are fixed, while terminals restyle the first 16.
    public static func nearest(red: Int, green: Int, blue: Int, count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for index in (count >= 256 ? 16 : 0)..<min(256, max(1, count)) {
            let c = rgb(index)
            let dr = c.red - red, dg = c.green - green, db = c.blue - blue
            let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}
