import DeltaText
import Foundation

/// Cost per epoch: training cost of each pane (and validation cost where there is one), the
/// current epoch marked. A logarithmic scale is used when the costs span more than a factor
/// of 50.
///
/// The series are told apart without colour (NO_COLOR, `--ascii`): the first is a line of
/// braille dots (2×4 per cell), each other one a point character (``marks``) in every column
/// its line crosses, drawn over the dots; the legend shows each series' character and name,
/// every one of them (``drawLegend(into:rect:inner:titleWidth:)``).
struct ChartView {
    /// One line of the chart.
    struct Series {
        /// Its name in the legend.
        let name: String
        /// Its cost after each epoch, from epoch 0 (before training).
        let values: [Double]
        /// Its colour.
        let color: Color
        /// The character its line is drawn with (nil: braille dots, a solid line).
        var mark: Character? = nil

        /// The legend's sample of the line: "━" for braille dots, else its character.
        var sample: String { mark.map { String($0) } ?? "━" }
    }

    /// The point characters of the series after the first, in order (ASCII, so that they
    /// read the same with `--ascii`).
    static let marks: [Character] = ["+", "x", "o", "*", "#", "%", "@", "&"]

    /// The character the series at `index` is drawn with: the first as braille dots (nil),
    /// the others with ``marks`` in turn.
    static func mark(_ index: Int) -> Character? {
        index == 0 ? nil : marks[(index - 1) % marks.count]
    }

    /// The lines to draw.
    let series: [Series]
    /// The epoch the x axis ends at.
    let epochs: Int
    /// The epoch the cursor is in (from 1): the network as it stands at its start is marked.
    let currentEpoch: Int
    /// Training still under way ("training… epoch 12/30"), shown in the title.
    var progress: String?
    /// Whether the cost axis's numbers are hidden (a question waits: the cost before
    /// training, ½(a − y)² for one neuron, would give its answer away).
    var hidesValues = false
    /// Whether the runs drawn measure cost with different functions (quadratic and
    /// cross-entropy, say): their curves' heights are then not comparable, and the bottom
    /// border says so, so that a lower curve is not read as a better run.
    var costsDiffer = false
    /// The numbers of the epoch the marker stands on, one line per run ("after epoch 19:
    /// C 0.0123, accuracy 0.97, validation C 0.752, …"): drawn in rows at the top of the box
    /// while the plot keeps at least three rows, else the first line in the bottom border.
    var readout: [String] = []

    /// Draws the chart into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let all = series
        let title = "Cost per epoch" + (progress.map { " · " + $0 } ?? "")
        let boxed = canvas.box(rect, title: title)
        if costsDiffer {
            // In the bottom border, where it takes nothing from the legend or the plot.
            let note = rect.width >= 60 ? "each run's own cost: heights not comparable" : "own costs: not comparable"
            canvas.label(note, on: rect, edge: .bottom, style: Theme.label)
        }
        let legendRows = drawLegend(into: &canvas, rect: rect, inner: boxed, titleWidth: title.count)
        // The epoch's numbers under the legend, where the plot can spare the rows.
        let below = Rect(x: boxed.x, y: boxed.y + legendRows, width: boxed.width, height: boxed.height - legendRows)
        let readoutRows = readout.count <= below.height - 3 ? readout.count : 0
        for (k, line) in readout.prefix(readoutRows).enumerated() {
            canvas.put(line, x: below.x, y: below.y + k, style: Theme.label, clip: below)
        }
        if readoutRows == 0, !costsDiffer, let first = readout.first { canvas.label(first, on: rect, edge: .bottom, style: Theme.label) }
        // The plot and its axis below the legend's and the readout's rows.
        let inner = Rect(x: below.x, y: below.y + readoutRows, width: below.width, height: below.height - readoutRows)
        let values = all.flatMap(\.values).filter(\.isFinite)
        guard inner.height >= 3, inner.width >= 20, let low = values.min(), let high = values.max() else { return }
        let logScale = low > 0 && high / low > 50
        func scale(_ v: Double) -> Double { logScale ? log10(v) : v }
        let (bottom, top) = (scale(low), scale(high) == scale(low) ? scale(low) + 1 : scale(high))
        let labelWidth = 9
        let plot = Rect(x: inner.x + labelWidth, y: inner.y, width: inner.width - labelWidth, height: inner.height - 1)
        canvas.put((hidesValues ? "?" : NumberText.format(high, digits: 3)).leftPadded(labelWidth - 1), x: inner.x, y: plot.y, style: Theme.label)
        canvas.put((hidesValues ? "?" : NumberText.format(low, digits: 3)).leftPadded(labelWidth - 1), x: inner.x, y: plot.maxY - 1, style: Theme.label)
        if logScale && plot.height >= 3 { canvas.put("log".leftPadded(labelWidth - 1), x: inner.x, y: plot.y + plot.height / 2, style: Theme.label) }
        let epochs = max(1, self.epochs)
        let dotsWide = plot.width * 2, dotsHigh = plot.height * 4
        func dotX(_ epoch: Int) -> Int { Int((Double(epoch) / Double(epochs) * Double(dotsWide - 1)).rounded()) }
        func dotY(_ v: Double) -> Int { dotsHigh - 1 - Int(((scale(v) - bottom) / (top - bottom) * Double(dotsHigh - 1)).rounded()) }
        // The current epoch: the network as it stands at the start of this epoch.
        let now = currentEpoch - 1
        let nowColumn = plot.x + dotX(now) / 2
        for y in plot.y..<plot.maxY { canvas[nowColumn, y] = Cell("│", style: Style(foreground: .yellow, dim: true)) }
        var dots = [UInt32](repeating: 0, count: plot.width * plot.height)
        var owner = [Color?](repeating: nil, count: plot.width * plot.height)
        let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        func dot(_ x: Int, _ y: Int, _ color: Color) {
            let cell = (y / 4) * plot.width + x / 2
            dots[cell] |= bits[x % 2][y % 4]
            owner[cell] = color
        }
        // The cells each marked series' line crosses.
        var markCells: [(x: Int, y: Int, mark: Character, color: Color)] = []
        for s in all {
            var previous: (x: Int, y: Int)?
            var cells: Set<[Int]> = []
            func point(_ x: Int, _ y: Int) {
                if s.mark == nil { dot(x, y, s.color) } else { cells.insert([x / 2, y / 4]) }
            }
            for (e, v) in s.values.enumerated() where v.isFinite {
                let x = dotX(e), y = max(0, min(dotsHigh - 1, dotY(v)))
                if let (px, py) = previous {
                    // A straight line from the previous point, one dot per step of the longer axis.
                    let steps = max(abs(x - px), abs(y - py), 1)
                    for t in 1...steps {
                        point(px + (x - px) * t / steps, py + (y - py) * t / steps)
                    }
                } else {
                    point(x, y)
                }
                previous = (x, y)
            }
            if let mark = s.mark { markCells += cells.map { (plot.x + $0[0], plot.y + $0[1], mark, s.color) } }
        }
        for k in 0..<dots.count where dots[k] != 0 {
            canvas[plot.x + k % plot.width, plot.y + k / plot.width] =
                Cell(Character(Unicode.Scalar(0x2800 + dots[k])!), style: Style(foreground: owner[k]))
        }
        for cell in markCells { canvas[cell.x, cell.y] = Cell(cell.mark, style: Style(foreground: cell.color, bold: true)) }
        // The x axis: epoch 0 (before training) to the last; ▲ exactly under the current
        // epoch's line, which marks the cost the epoch starts from, with its words beside it.
        let axisY = inner.maxY - 1
        let words = "now: in epoch \(currentEpoch), begun here"
        var marked: (x: Int, text: String)
        if nowColumn + 2 + words.count <= plot.maxX {
            marked = (nowColumn, "▲ " + words)
        } else if nowColumn - words.count - 1 >= plot.x {
            marked = (nowColumn - words.count - 1, words + " ▲")
        } else {
            marked = (nowColumn, "▲")
        }
        let first = "epoch 0", last = "epoch \(epochs)"
        if plot.x + first.count + 2 <= marked.x { canvas.put(first, x: plot.x, y: axisY, style: Theme.label) }
        if marked.x + marked.text.count + 2 <= plot.maxX - last.count { canvas.put(last, x: plot.maxX - last.count, y: axisY, style: Theme.label) }
        canvas.put(marked.text, x: marked.x, y: axisY, style: Style(foreground: .yellow, bold: true), clip: Rect(x: plot.x, y: axisY, width: plot.width, height: 1))
    }

    /// The legend: each series' sample (its mark) and name, in order, none of them cut. They
    /// go in the top border after the title while they fit, with two cells between them and
    /// at least one before the corner; the rest go in rows at the top of the box, wrapped
    /// at its width, which the plot gives up. Returns the rows of the box the legend takes.
    func drawLegend(into canvas: inout Canvas, rect: Rect, inner: Rect, titleWidth: Int) -> Int {
        var x = rect.x + titleWidth + 4, y = rect.y, rows = 0
        for s in series {
            let entry = s.sample + " " + s.name
            if rows == 0 && x + entry.count + 1 >= rect.maxX - 1 {
                // The border is full: the first row inside the box.
                (x, y, rows) = (inner.x, inner.y, 1)
            } else if rows > 0 && x > inner.x && x + entry.count > inner.maxX {
                (x, y, rows) = (inner.x, y + 1, rows + 1)
            }
            guard y < inner.maxY else { return inner.height }
            canvas.put(entry, x: x, y: y, style: Style(foreground: s.color, bold: true), clip: rows == 0 ? nil : inner)
            x += entry.count + 2
        }
        return rows
    }
}
