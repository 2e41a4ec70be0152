import Testing
@testable import DeltaTUI

/// The cost chart marks the current epoch where its line is drawn.
@Suite struct ChartViewTests {
    @Test(arguments: [1, 20, 150, 266, 300])
    func theMarkerStandsUnderTheCurrentEpochsLine(epoch: Int) {
        let values = (0...300).map { 0.5 / Double(1 + $0) }
        let chart = ChartView(series: [.init(name: "training", values: values, color: .cyan)], epochs: 300, currentEpoch: epoch)
        var canvas = Canvas(width: 80, height: 12)
        chart.draw(into: &canvas, rect: canvas.bounds)
        let lines = canvas.lines
        let axis = lines[canvas.height - 2]
        let marker = Array(axis).firstIndex(of: "▲")
        // The line is the column drawn with │ inside the plot (rows 1 … height − 3).
        let lineColumns = (1..<canvas.height - 2).compactMap { y in
            (9..<canvas.width - 1).first { canvas[$0, y].character == "│" }
        }
        #expect(marker != nil && Set(lineColumns).count == 1 && lineColumns.first == marker, "\(lines.joined(separator: "\n"))")
        #expect(axis.contains("in epoch \(epoch), begun here"))
        // No bare "0" that could be read as a cost; labels never touch.
        #expect(!axis.contains("         0 ") && !axis.contains(" epoch 300 epoch") && !axis.contains("\(epoch) epoch"))
    }
}

@Suite struct ChartWhileAskingTests {
    @Test func theChartHidesItsCostsWhileAQuestionWaits() throws {
        // Lesson 1 asks for a = σ(z) first; its starting cost 0.0389 = ½(1 − a)² would answer it.
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        while app.isTraining { _ = app.handle(.tick) }
        let asked = screen(app, width: 160, height: 48)
        #expect(asked.contains("Cost per epoch") && !asked.contains("0.0389"))
        app.tap(.escape, .escape)
        #expect(screen(app, width: 160, height: 48).contains("0.0389"))
    }
}
