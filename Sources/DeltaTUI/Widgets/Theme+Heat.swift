/// Heat colours for a window of a wide layer, where a glance should find the large values.
extension Theme {
    /// A value's heat: green when positive, red when negative; dim below 0.1 in size, bold
    /// from 1 (and for an activation near its top). The number itself is always written, so
    /// it reads without colour.
    static func heat(_ v: Double) -> Style {
        var style = v >= 0 ? positive : negative
        let size = abs(v)
        if size < 0.1 { style.dim = true }
        if size >= 0.9 { style.bold = true }
        return style
    }
}
