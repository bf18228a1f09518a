/// Which rows of the screen hold what, at a given size; shared by the reducer (page size,
/// scrolling) and the renderer. Small terminals lose the header first, then the rest.
public struct InspectorLayout: Sendable, Equatable {
    /// The header's rows (two, one or none).
    public var header: Range<Int>
    /// The tab bar's row.
    public var tabBar: Int?
    /// The column headings' row.
    public var headings: Int?
    /// The table body's rows.
    public var body: Range<Int>
    /// The filter / message line's row, when one is shown.
    public var status: Int?
    /// The footer's row.
    public var footer: Int?

    /// The layout of a screen `height` rows high; `statusLine` reserves the filter/message line.
    public init(height: Int, statusLine: Bool) {
        let height = max(0, height)
        var bottom = height
        footer = nil
        if height >= 2 {
            bottom -= 1
            footer = bottom
        }
        let headerRows = height >= 10 ? 2 : (height >= 6 ? 1 : 0)
        header = 0..<headerRows
        var top = headerRows
        tabBar = height >= 3 ? top : nil
        if height >= 3 { top += 1 }
        headings = height >= 4 ? top : nil
        if height >= 4 { top += 1 }
        status = nil
        if statusLine, bottom - top >= 2 {
            bottom -= 1
            status = bottom
        }
        body = top..<max(top, bottom)
    }

    /// The layout for a state.
    public init(_ state: InspectorState) {
        self.init(height: state.height, statusLine: state.showsStatusLine)
    }

    /// How many table rows fit.
    public var pageSize: Int { body.count }
}
