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

/// The chart says in numbers what its marker stands on: the epoch's training and validation
/// cost and accuracy, as `run` prints them, so that the numbers a lesson quotes are on screen.
@Suite struct ChartReadoutTests {
    @Test func lesson11sChartReadsTheValidationCostAndAccuracyOfTheEpochBefore() throws {
        var app = try TraceApp(lesson: try lesson("11-overfitting-and-l2.yaml"))
        while app.isTraining { _ = app.handle(.tick) }
        app.tap(.character("g"))
        app.type("20")
        app.tap(.enter)
        while app.prompt != nil { app.tap(.escape) }
        app.tap(.character("c"))
        let s = app.leader.run.epochSummaries[19]
        // The values lesson 11's beat at epoch 20 quotes: 0.072, 1, 0.752 and 0.797.
        #expect(abs(s.cost - 0.07247) < 0.000005 && s.accuracy == 1)
        #expect(abs(s.validationCost! - 0.7522) < 0.00005 && abs(s.validationAccuracy! - 0.7967) < 0.00005)
        #expect(app.epochReadout == ["after epoch 19: C 0.07247, accuracy 1, validation C 0.7522, accuracy 0.7967"])
        for (w, h) in [(80, 24), (160, 48)] {
            #expect(screen(app, width: w, height: h).contains("after epoch 19: C 0.07247, accuracy 1, validation C 0.7522, accuracy 0.7967"))
        }
    }
}
