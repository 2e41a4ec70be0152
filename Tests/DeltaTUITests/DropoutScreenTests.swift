import DeltaCore
import DeltaLessons
import DeltaText
import Testing
@testable import DeltaTUI

/// Dropout on the screen: the nodes an example trains without are marked where it shows
/// the layer (the network's "dropped", the tables' ✗, the equations' sentence), as many as
/// the `dropped-nodes` claim counts, and the others show their numbers.
@Suite struct DropoutScreenTests {
    /// Eight hidden nodes with p = ½ and three examples; the claim counts example 2's drops.
    static let text = """
        title: Dropping
        summary: Dropout on a small hidden layer.
        network: {layers: [3, 8, 2], output: sigmoid, cost: cross-entropy}
        data:
          inputs: [[0.1, 0.2, 0.3], [0.9, 0.1, 0.4], [0.5, 0.5, 0.5]]
          targets: [[0, 1], [1, 0], [1, 1]]
        train: {eta: 0.5, batch: 3, epochs: 1, dropout: 0.5, seed: 4}
        expect:
          - dropped-nodes: {layer: 1}
            at: {epoch: 1, example: 2, step: feedforward, layer: 1}
            between: [0, 8]
        """

    @Test(arguments: [(80, 24), (160, 48)])
    func theDroppedNodesAreMarkedAndCountedAsTheClaimCountsThem(size: (width: Int, height: Int)) throws {
        let lesson = try inlineLesson(Self.text)
        var app = try TraceApp(lesson: lesson)
        app.finishTraining()
        app.go("1 1 2 ff l1")
        #expect(app.leader.shown.position == TracePosition(epoch: 1, update: 1, step: .feedforward(example: 2, layer: 1)))
        let trace = app.leader.shown.trace
        let dropped = (0..<8).filter { trace.isDropped(2, 1, $0) }
        // The seed drops some of the eight and keeps some.
        #expect(!dropped.isEmpty && dropped.count < 8, "\(dropped)")
        let claimed = try #require(lesson.checkClaims().first?.actual)
        #expect(Double(dropped.count) == claimed)

        // The network view: "dropped" in place of z, a and δ, the kept nodes' numbers.
        let shown = canvas(app, width: size.width, height: size.height)
        for j in 0..<8 {
            let label = "●" + ExprText.subscripted("1,\(j + 1)")
            if dropped.contains(j) {
                #expect(rowHasWords(shown, [label, "dropped"]), "\(size) node \(j + 1)\n\(shown.text)")
            } else {
                #expect(showsNode(shown, trace, m: 2, l: 1, j: j, delta: .mark("·")), "\(size) node \(j + 1)\n\(shown.text)")
            }
        }
        #expect(rows(of: shown, in: networkBox(shown)).joined().components(separatedBy: "dropped").count - 1 == dropped.count)

        // The tables view: the same nodes carry ✗.
        app.view = .tables
        let table = canvas(app, width: size.width, height: size.height)
        let marked = table.lines.filter { $0.contains("✗") }.compactMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "│" }).first.flatMap { Int($0) }.map { $0 - 1 }
        }
        #expect(marked == dropped, "\(size)\n\(table.text)")

        // The equations of a dropped node say so.
        app.view = .network
        while app.focus < dropped[0] { app.tap(.down) }
        #expect(equationPanelText(canvas(app, width: size.width, height: size.height))
            .contains("Node \(dropped[0] + 1) of layer 1 is dropped out for this example: its a and δ are 0."))
    }

    @Test func aNetworkTooSmallToDrawSaysSoWhole() throws {
        let app = try TraceApp(lesson: try lesson("11-overfitting-and-l2.yaml"))
        let trace = app.leader.shown.trace
        for width in [20, 34, 44] {
            var shown = Canvas(width: width, height: 3)
            NetworkView(trace: trace, step: app.leader.shown.position.step, hidden: false, focus: nil)
                .draw(into: &shown, rect: Rect(x: 0, y: 0, width: width, height: 3))
            let said = rows(of: shown, in: Rect(x: 1, y: 1, width: width - 2, height: 1))[0].trimmingCharacters(in: .whitespaces)
            #expect(["too small to draw: enlarge the terminal", "too small: enlarge the terminal", "too small"].contains(said), "\(width): \(said)")
        }
    }
}
