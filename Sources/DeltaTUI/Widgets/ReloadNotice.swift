import DeltaText

/// The located error of a lesson file saved with a mistake (`FILE:LINE:COLUMN: error: …` and
/// its hint), drawn over the bottom of the main area while the screen keeps showing the last
/// good version of the lesson; it goes when the file is saved without the error.
struct ReloadNotice {
    /// The error as the command line prints it (its hint on the following line).
    let problem: String

    /// Draws the notice at the bottom of `rect`, as tall as its text (at most all of `rect`).
    func draw(into canvas: inout Canvas, rect: Rect) {
        let width = rect.width - 2
        guard width > 10 else { return }
        var lines = problem.split(separator: "\n").map { String($0.drop { $0 == " " }) }
        // A location too long for the row keeps the file's name, its line and column.
        if let first = lines.first, let range = first.range(of: ": error: "), first[..<range.lowerBound].count > width / 2,
           let slash = first[..<range.lowerBound].lastIndex(of: "/") {
            lines[0] = "…" + first[slash...]
        }
        lines.append("Showing the last good version until the file is saved without the error.")
        lines = lines.flatMap { wrap($0, width: width) }
        let height = min(rect.height, lines.count + 2)
        let box = Rect(x: rect.x, y: rect.maxY - height, width: rect.width, height: height)
        canvas.fill(box)
        let inner = canvas.box(box, title: "The lesson file has an error", style: Theme.warning, titleStyle: Theme.warning)
        canvas.lines(lines.enumerated().map { ($1, $0 == lines.count - 1 ? Theme.label : Theme.warning) }, in: inner)
    }
}
