import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// A lesson of one neuron without beats or questions, long enough to run at every speed.
func quietLesson(epochs: Int = 3000) throws -> Lesson {
    try inlineLesson("""
        title: A quiet neuron
        summary: Nothing to say, nothing to ask.
        network: {layers: [1, 1], output: sigmoid, cost: quadratic}
        init: {weights: [[[0.5]]], biases: [[0.2]]}
        data: {inputs: [[1.5]], targets: [[1.0]]}
        train: {eta: 1.0, epochs: \(epochs)}
        variants:
          - {name: small-steps, eta: 0.25}
        """)
}

/// The title row of a screen.
func titleRow(_ text: String) -> String { text.components(separatedBy: "\n")[0] }

/// The boxes of a row whose top border starts with "┌─ " and a title: (title, width).
func paneTitles(_ canvas: Canvas, row: Int = 2) -> [(title: String, width: Int)] {
    let line = Array(canvas.lines[row])
    var out: [(String, Int)] = []
    var x = 0
    while x < line.count {
        guard line[x] == "┌" else { x += 1; continue }
        var end = x + 1
        while end < line.count && line[end] != "┐" { end += 1 }
        let top = String(line[x...min(end, line.count - 1)])
        let title = top.dropFirst(3).prefix { $0 != "─" }.trimmingCharacters(in: .whitespaces)
        out.append((title, end - x + 1))
        x = end + 1
    }
    return out
}

/// Variants are named in the title and hear only what is written for them.
@Suite struct VariantScreenTests {
    @Test func theTitleNamesTheVariantAt80ColumnsEvenWhenTheLessonTitleMustGo() throws {
        let crossEntropy = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"), variants: ["cross-entropy"])
        #expect(titleRow(screen(crossEntropy)).contains("variant cross-entropy"))
        let long = try inlineLesson("""
            title: A lesson whose title is far too long to fit on one row of an eighty-column terminal
            summary: Long.
            network: {layers: [1, 1], output: sigmoid, cost: quadratic}
            init: {weights: [[[0.5]]], biases: [[0.2]]}
            data: {inputs: [[1.5]], targets: [[1.0]]}
            train: {eta: 1.0, epochs: 2}
            variants:
              - {name: a-variant-with-a-long-name, eta: 0.25}
            """)
        var app = try TraceApp(lesson: long, variants: ["a-variant-with-a-long-name"])
        app.finishTraining()
        let title = titleRow(screen(app))
        #expect(title == " DeltaTrace · inline-test · variant a-variant-with-a-long-name", "\(title)")
        #expect(titleRow(screen(app, width: 160, height: 48))
            .contains("far too long to fit on one row of an eighty-column terminal · variant a-variant-with-a-long-name"))
        // While training, its progress is shown too, and the variant still whole.
        let training = titleRow(screen(try TraceApp(lesson: long, variants: ["a-variant-with-a-long-name"])))
        #expect(training.contains("variant a-variant-with-a-long-name") && training.hasSuffix("training… epoch 2/2"))
    }

    @Test func beatsAndQuestionsOfTheLessonAreNotShownForAVariantUnlessTheySaySo() throws {
        let text = """
            title: Two runs
            summary: Words for each.
            network: {layers: [1, 1], output: sigmoid, cost: quadratic}
            init: {weights: [[[0.5]]], biases: [[0.2]]}
            data: {inputs: [[1.5]], targets: [[1.0]]}
            train: {eta: 1.0, epochs: 2}
            variants:
              - {name: slow, eta: 0.25}
            beats:
              - {at: {epoch: 1, step: feedforward}, say: Only for the lesson.}
              - {at: {epoch: 1, step: output-error}, say: For both runs., variants: [lesson, slow]}
              - {at: {epoch: 1, step: gradient-descent}, say: Only for the slow run., variants: [slow]}
            questions:
              - {at: {epoch: 1, step: feedforward}, ask: What is z?, answer: {quantity: z, layer: 1, node: 1}}
            """
        var lessonApp = try TraceApp(lesson: try inlineLesson(text))
        #expect(screen(lessonApp).contains("Question: What is z?"))
        lessonApp.tap(.escape)
        #expect(screen(lessonApp).contains("Only for the lesson."))
        var slow = try TraceApp(lesson: try inlineLesson(text), variants: ["slow"])
        let first = screen(slow)
        #expect(!first.contains("Question") && !first.contains("Only for the lesson."))
        #expect(first.contains("Variant slow of this lesson (eta: 0.25)."))
        slow.tap(.right)
        #expect(screen(slow).contains("For both runs."))
        slow.tap(.right)
        #expect(screen(slow).contains("Only for the slow run."))
        lessonApp.tap(.right, .right)
        #expect(!screen(lessonApp).contains("Only for the slow run.") && screen(lessonApp).contains("For both runs."))
    }

    @Test func theVariantMenuReopensAtTheSamePosition() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .escape, .character("e"), .character("e"), .right, .tab)
        let position = app.leader.shown.position
        #expect(position == TracePosition(epoch: 3, update: 1, step: .outputError(example: 1)))
        app.tap(.character("v"))
        let menu = screen(app)
        #expect(menu.contains("1  lesson (shown now)") && menu.contains("4  cross-entropy") && menu.contains("cost: cross-entropy"))
        #expect(menu.contains("5  compare all side by side") && menu.contains("lesson vs gentle-start vs lecture-mse vs cross-entropy"))
        app.tap(.character("4"))
        #expect(app.leader.identity == .variant("cross-entropy") && app.leader.shown.position == position && app.view == .minibatch)
        // Its output error is a − y under cross-entropy, at epoch 3 of its own run.
        let trace = app.leader.shown.trace
        #expect(abs(trace.delta(1, 1, 0) - (trace.a(1, 1, 0) - trace.y(1, 0))) < 1e-12)
        #expect(titleRow(screen(app)).contains("variant cross-entropy"))
        app.tap(.character("v"), .down, .enter)
        #expect(app.panes.map(\.identity) == [.lesson, .variant("gentle-start"), .variant("lecture-mse"), .variant("cross-entropy")])
        #expect(app.panes.allSatisfy { $0.shown.position == position })
        // Escape closes the menu without changing anything.
        app.tap(.character("v"), .escape)
        #expect(app.control.variantMenu == nil && app.panes.count == 4)
    }
}

/// Compare mode at 80×24: panes wide enough for their names and numbers, a page at a time.
@Suite struct CompareLayoutTests {
    func allOfLesson2() throws -> TraceApp {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"), variants: [nil, "gentle-start", "lecture-mse", "cross-entropy"])
        app.tap(.escape, .escape)
        return app
    }

    @Test func fourRunsAt80ColumnsAreShownTwoAtATime() throws {
        var app = try allOfLesson2()
        var shown = canvas(app)
        var titles = paneTitles(shown)
        #expect(titles.map(\.title) == ["lesson · quadratic", "gentle-start · quadratic"])
        #expect(titles.allSatisfy { $0.width >= TraceApp.comparePaneMinimumWidth })
        #expect(titleRow(shown.text).contains("compare: runs 1–2 of 4 (p/P: the others)"))
        #expect(shown.text.contains("= 0.98201379") && shown.text.contains("= 0.81757448"))
        // The minibatch's C is computed at the output error (where a question for δ waits).
        #expect(shown.text.components(separatedBy: "minibatch C not yet computed").count == 3)
        app.tap(.right, .escape)
        shown = canvas(app)
        // ½(a − y)² at a = σ(4) and at a = σ(1.5), y = 0.
        #expect(shown.text.contains("minibatch C = 0.482176") && shown.text.contains("minibatch C = 0.334214"))
        app.tap(.character("p"))
        shown = canvas(app)
        titles = paneTitles(shown)
        #expect(titles.map(\.title) == ["lecture-mse · mse", "cross-entropy · cross-entropy"])
        // (y − a)² and −ln(1 − a) at a = σ(4).
        #expect(shown.text.contains("minibatch C = 0.964351") && shown.text.contains("minibatch C = 4.01815"))
        app.tap(.character("p"))
        #expect(paneTitles(canvas(app)).map(\.title) == ["lesson · quadratic", "gentle-start · quadratic"])
        app.tap(.character("P"))
        #expect(paneTitles(canvas(app)).map(\.title) == ["lecture-mse · mse", "cross-entropy · cross-entropy"])
        // At 160 columns all four fit.
        let wide = canvas(app, width: 160, height: 48)
        #expect(paneTitles(wide).map(\.title) == ["lesson · quadratic", "gentle-start · quadratic", "lecture-mse · mse", "cross-entropy · cross-entropy"])
        #expect(titleRow(wide.text).contains("compare: lesson vs gentle-start vs lecture-mse vs cross-entropy"))
    }

    @Test func tabSwitchesTheViewOfEveryPane() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        app.tap(.escape, .escape)
        #expect(app.isCompare)
        func count(_ text: String, in screen: String) -> Int { screen.components(separatedBy: text).count - 1 }
        #expect(count("z₁,₁ = Σᵢ a₀,ᵢ·w₁,ᵢ,₁ + b₁,₁", in: screen(app)) == 2)
        app.tap(.tab)
        let minibatch = screen(app)
        #expect(app.view == .minibatch && count("Minibatch: Σₘ over the examples", in: minibatch) == 2)
        #expect(!minibatch.contains("z₁,₁ = Σᵢ"))
        app.tap(.tab)
        #expect(app.view == .tables && count("Layer 1 of 1-1", in: screen(app)) == 2)
        app.tap(.tab)
        #expect(app.view == .network && count("z₁,₁ = Σᵢ a₀,ᵢ·w₁,ᵢ,₁ + b₁,₁", in: screen(app)) == 2)
    }
}

/// The cost chart's series can be told apart without colour.
@Suite struct ChartSeriesTests {
    @Test func twoSeriesOfTheSameColourAreDrawnWithDifferentCharacters() {
        let falling = (0...40).map { 1.0 - Double($0) / 50 }, flat = (0...40).map { _ in 0.5 }
        let chart = ChartView(series: [.init(name: "one", values: falling, color: .cyan, mark: ChartView.mark(0)),
                                       .init(name: "two", values: flat, color: .cyan, mark: ChartView.mark(1))],
                              epochs: 40, currentEpoch: 1)
        var canvas = Canvas(width: 60, height: 12)
        chart.draw(into: &canvas, rect: canvas.bounds)
        let text = canvas.text
        #expect(text.contains("━ one") && text.contains("+ two"))
        // The flat series is a row of +, the falling one braille dots.
        let plus = canvas.lines.dropFirst(1).dropLast(2).map { $0.filter { $0 == "+" }.count }
        #expect(plus.max()! >= 20)
        let braille = text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count
        #expect(braille >= 10)
    }

    @Test func compareCurvesHaveTheirOwnCharactersInTheLegend() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        app.finishTraining()
        let text = screen(app, width: 160, height: 48)
        #expect(text.contains("━ lesson──+ cross-entropy─"))
        #expect(text.components(separatedBy: "\n").contains { $0.filter { $0 == "+" }.count >= 10 })
    }

    /// The rows of the cost chart's box on a screen (its top border to its bottom border).
    func chartRows(_ canvas: Canvas) -> [String] {
        let lines = canvas.lines
        guard let top = lines.firstIndex(where: { $0.hasPrefix("┌─ Cost per epoch") }) else { return [] }
        let bottom = lines[top...].firstIndex { $0.hasPrefix("└") } ?? lines.count - 1
        return Array(lines[top...bottom])
    }

    /// Whether every series of the app's chart has its mark and its whole name in the
    /// chart's legend at a size ("x lecture-mse" followed by a border, a space or the box's
    /// side, not cut); and the plot is still drawn (its ▲ under the current epoch).
    func everySeriesIsInTheLegend(_ app: TraceApp, width: Int, height: Int) -> Bool {
        var app = app
        app.chartChoice = true
        let rows = chartRows(canvas(app, width: width, height: height))
        let series = app.chart.series
        let found = series.allSatisfy { s in
            rows.contains { row in ["─", " ", "│"].contains { row.contains(s.sample + " " + s.name + $0) } }
        }
        let marks = series.map(\.sample)
        return !rows.isEmpty && found && Set(marks).count == series.count && rows.contains { $0.contains("▲") }
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func everyComparedRunHasItsMarkAndNameInTheLegend(width: Int, height: Int) throws {
        let saturated = try lesson("02-saturated-neuron.yaml")
        var app = try TraceApp(lesson: saturated, variants: [nil] + saturated.variants.map(\.name))
        #expect(app.chart.series.map(\.name) == ["lesson", "gentle-start", "lecture-mse", "cross-entropy"])
        #expect(app.chart.series.map(\.sample) == ["━", "+", "x", "o"])
        // While training (the title says how far) and after.
        #expect(app.trainingProgress != nil)
        #expect(everySeriesIsInTheLegend(app, width: width, height: height))
        app.finishTraining()
        #expect(everySeriesIsInTheLegend(app, width: width, height: height))
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func everyComparedRunsTrainingAndValidationCostHaveTheirMarkAndNameInTheLegend(width: Int, height: Int) throws {
        let heldOut = try inlineLesson("""
            title: Held out
            summary: Ten examples kept back to validate.
            network: {layers: [2, 3, 1], hidden: sigmoid, output: sigmoid, cost: cross-entropy}
            data: {generator: {name: circle, count: 40}, holdout: 10}
            train: {eta: 3, batch: 10, epochs: 30, seed: 3}
            variants:
              - {name: smaller-steps, eta: 0.5}
              - {name: quadratic-cost, cost: quadratic}
            """)
        var app = try TraceApp(lesson: heldOut, variants: [nil, "smaller-steps", "quadratic-cost"])
        app.finishTraining()
        #expect(app.chart.series.map(\.name) == ["lesson train", "lesson val", "smaller-steps train", "smaller-steps val",
                                                 "quadratic-cost train", "quadratic-cost val"])
        #expect(everySeriesIsInTheLegend(app, width: width, height: height))
        // One run: "training" and "validation".
        var one = try TraceApp(lesson: heldOut)
        one.finishTraining()
        #expect(one.chart.series.map(\.name) == ["training", "validation"])
        #expect(everySeriesIsInTheLegend(one, width: width, height: height))
    }

    @Test func aLegendTooLongForTheBorderWrapsIntoRowsTakenFromThePlot() {
        let falling = (0...40).map { 1.0 - Double($0) / 50 }
        let names = ["first-run train", "first-run val", "second-run train", "second-run val", "third-run train", "third-run val"]
        let chart = ChartView(series: names.enumerated().map { k, name in
            .init(name: name, values: falling.map { $0 * Double(k + 1) }, color: .cyan, mark: ChartView.mark(k))
        }, epochs: 40, currentEpoch: 1)
        var canvas = Canvas(width: 60, height: 10)
        chart.draw(into: &canvas, rect: canvas.bounds)
        let lines = canvas.lines
        // The border holds the first two (two ─ after each, so at least one before the
        // corner); the first row inside the next three, two spaces apart; the next the last.
        #expect(lines[0].hasPrefix("┌─ Cost per epoch ━ first-run train──+ first-run val──"), "\(lines.joined(separator: "\n"))")
        #expect(lines[1] == "│x second-run train  o second-run val  * third-run train   │")
        #expect(lines[2].hasPrefix("│# third-run val  "))
        // The plot below them, on the rows left: its top cost (6 × 1, the sixth series at
        // epoch 0) on row 3, its axis on the last row inside the box.
        #expect(lines[3].hasPrefix("│" + NumberText.format(6, digits: 3).leftPadded(8) + " ") && lines[8].contains("▲ now: in epoch 1, begun here"))
    }
}

/// `r`'s speed and breakpoints at positions (steps counted per tick: no timing).
@Suite struct RunControlTests {
    @Test func eachSpeedTakesItsStepsPerTick() throws {
        var app = try TraceApp(lesson: try quietLesson(epochs: 20_000))
        app.finishTraining()
        #expect(app.control.speed.stepsPerTick == 3)
        while !app.control.speed.isSlowest { app.tap(.character("-")) }
        app.tap(.character("-"))
        #expect(app.message == "speed 1/8 · ≈10 steps/s: already the slowest")
        for level in RunSpeed.levels.indices {
            #expect(app.control.speed.level == level)
            app.tap(.character("r"))
            let before = app.leader.shown.index
            _ = app.handle(.tick)
            let taken = app.leader.shown.index - before
            if let steps = RunSpeed.levels[level] {
                #expect(taken == steps, "level \(level + 1)")
            } else {
                #expect(taken >= 1)
            }
            #expect(titleRow(screen(app)).contains("▶ " + app.control.speed.label))
            // + while running goes faster and keeps running; another key pauses.
            #expect(app.running)
            app.tap(.character("+"))
            #expect(app.running && app.control.speed.level == min(level + 1, RunSpeed.levels.count - 1))
            app.tap(.character("x"))
            #expect(!app.running && app.message == "paused")
        }
        #expect(app.control.speed.isFastest && app.control.speed.label == "speed 8/8 · as fast as the machine can")
    }

    @Test func aBreakpointAtAnEpochStopsThere() throws {
        var app = try TraceApp(lesson: try quietLesson(epochs: 30))
        app.tap(.character("b"), .character("a"))
        app.type("12")
        app.tap(.enter)
        var menu = screen(app)
        #expect(menu.contains("4  stop at epoch 12, update 1, example 1, feedforward l=1"))
        app.tap(.character("a"))
        app.type("12 1 1 gd")
        app.tap(.enter)
        menu = screen(app)
        #expect(menu.contains("5  stop at epoch 12, update 1, gradient descent l=1"))
        // A position the run does not have is refused, with the run's range.
        app.tap(.character("a"))
        app.type("99")
        app.tap(.enter)
        #expect(screen(app).contains("epoch 99") && app.control.positionBreakpoints.count == 2)
        app.tap(.escape)
        #expect(!app.showBreakpointMenu)
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.position == TracePosition(epoch: 12, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(app.message == "breakpoint: epoch 12, update 1, example 1, feedforward l=1")
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.position == TracePosition(epoch: 12, update: 1, step: .gradientDescent(layer: 1)))
        // Removed in the menu by its number, the run goes on to the end.
        app.tap(.character("b"), .character("5"), .character("4"))
        #expect(app.control.positionBreakpoints.isEmpty && !screen(app).contains("stop at epoch 12"))
        app.tap(.escape, .character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.isAtEnd)
    }
}

/// `q` goes back to the lessons; Ctrl-C quits.
@Suite struct LeavingTests {
    func bundled() -> [String] {
        ["01-one-neuron.yaml", "02-saturated-neuron.yaml", "03-mse-vs-cross-entropy.yaml"].map { lessonsFolder.appendingPathComponent($0).path }
    }

    @Test func qFromALessonComesBackToThePickerWithItSelected() throws {
        let paths = bundled()
        var launcher = Launcher(app: try TraceApp(lesson: try Lesson.load(path: paths[1])), lessonPaths: paths)
        let resized = launcher.handle(.resize(width: 80, height: 24))
        #expect(resized)
        _ = launcher.handle(.key(.escape))  // q does nothing while a question waits: skip it first
        let stays = launcher.handle(.key(.character("q")))
        #expect(stays)
        guard case .picker(let selected) = launcher.screen else { Issue.record("not the picker"); return }
        #expect(selected == 1)
        var canvas = Canvas(width: 80, height: 24)
        launcher.render(into: &canvas)
        #expect(canvas.text.contains("choose a lesson") && canvas.text.contains("02  The saturated neuron"))
        // Enter opens it again; Ctrl-C quits from the lesson at once.
        let reopened = launcher.handle(.key(.enter))
        #expect(reopened)
        guard case .trace = launcher.screen else { Issue.record("not the lesson"); return }
        let ctrlC = launcher.handle(.key(.interrupt))
        #expect(!ctrlC)
        // From the picker, q quits.
        var picker = Launcher(lessonPaths: paths)
        let pickerQ = picker.handle(.key(.character("q")))
        #expect(!pickerQ)
        // Without lessons to go back to (deltatrace compare), q quits.
        var alone = Launcher(app: try TraceApp(lesson: try Lesson.load(path: paths[0])))
        _ = alone.handle(.key(.escape))  // both questions of lesson 1's first step skipped
        _ = alone.handle(.key(.escape))
        let aloneQ = alone.handle(.key(.character("q")))
        #expect(!aloneQ)
    }

    /// The trace screen a launcher shows, if it shows one.
    func shownApp(_ launcher: Launcher) -> TraceApp? {
        if case .trace(let app) = launcher.screen { return app }
        return nil
    }

    @Test func qThenEnterComesBackToTheLessonAsItWasLeft() throws {
        let paths = bundled()
        var launcher = Launcher(app: try TraceApp(lesson: try Lesson.load(path: paths[1])), lessonPaths: paths)
        _ = launcher.handle(.resize(width: 80, height: 24))
        // Lesson 2's first question: a = σ(2·1 + 2) = σ(4) = 0.98201…, answered right.
        for c in "0.982" { _ = launcher.handle(.key(.character(c))) }
        _ = launcher.handle(.key(.enter))
        var app = try #require(shownApp(launcher))
        #expect(app.answers[0] == TraceApp.Answer(typed: 0.982, correct: true))
        // To epoch 3 (jumping over the δ question of the first output error), one level faster,
        // the saturation breakpoint on, the tables view.
        app.go("3")
        app.tap(.character("+"), .character("b"), .character("2"), .escape, .tab, .tab)
        let position = app.leader.shown.position, speed = app.control.speed, breakpoints = app.breakpoints
        #expect(position == TracePosition(epoch: 3, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(breakpoints == [.nonFinite, .saturated] && speed != RunSpeed() && app.view == .tables)
        launcher.screen = .trace(app)

        _ = launcher.handle(.key(.character("q")))
        guard case .picker(let selected) = launcher.screen else { Issue.record("not the picker"); return }
        #expect(selected == 1)
        _ = launcher.handle(.resize(width: 160, height: 48))
        _ = launcher.handle(.key(.enter))
        let back = try #require(shownApp(launcher))
        #expect(back.leader.shown.position == position && back.view == .tables)
        #expect(back.answers[0] == TraceApp.Answer(typed: 0.982, correct: true) && back.skipped.isEmpty)
        #expect(back.control.speed == speed && back.breakpoints == breakpoints)
        // Resized to the terminal as it is now; the title says epoch 3 of 300.
        #expect(back.width == 160 && back.height == 48)
        var canvas = Canvas(width: 160, height: 48)
        launcher.render(into: &canvas)
        #expect(canvas.text.contains("epoch 3/300 · update 1/1"))
        // The screen shown again is not leaving any more: Ctrl-C quits from it.
        #expect(!back.control.leavesToLessons)
        let ctrlC = launcher.handle(.key(.interrupt))
        #expect(!ctrlC)
    }

    @Test func aScreenShownAgainIsPausedWithItsPromptHelpAndMenusClosed() throws {
        // A run of r, with the help open, as a launcher might have kept it.
        var app = try TraceApp(lesson: try quietLesson())
        _ = app.handle(.resize(width: 80, height: 24))
        app.tap(.character("r"))
        #expect(app.running)
        app.showHelp = true
        app.control.leavesToLessons = true
        let position = app.leader.shown.position
        app.resume(width: 100, height: 30)
        #expect(!app.running && app.message == "paused" && !app.showHelp && !app.control.leavesToLessons)
        #expect(app.width == 100 && app.height == 30 && app.leader.shown.position == position)
        // q typed into the go-to prompt leaves with the prompt open; shown again, it is closed.
        var typing = try TraceApp(lesson: try quietLesson())
        typing.tap(.character("g"))
        typing.type("12")
        let goOn = typing.handle(.key(.character("q")))
        #expect(!goOn && typing.control.leavesToLessons && typing.prompt == .goTo("12"))
        typing.resume(width: 80, height: 24)
        #expect(typing.prompt == nil && !typing.control.leavesToLessons && !typing.running && typing.message == nil)
    }

    @Test func aLessonSavedWhileAtThePickerIsReloadedOnTheFirstTickBack() throws {
        let (path, text) = try copyOfLesson1()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        var launcher = Launcher(app: try TraceApp(lesson: try Lesson.load(path: path)), lessonPaths: [path])
        _ = launcher.handle(.resize(width: 80, height: 24))
        for key: Key in [.escape, .escape, .character("u"), .character("u"), .character("q")] { _ = launcher.handle(.key(key)) }
        guard case .picker = launcher.screen else { Issue.record("not the picker"); return }
        try text.replacingOccurrences(of: "title: One sigmoid neuron, by hand", with: "title: One neuron, edited meanwhile")
            .write(toFile: path, atomically: false, encoding: .utf8)
        _ = launcher.handle(.key(.enter))
        // Shown as it was left, and watching its file: the first tick reloads the edit.
        #expect(shownApp(launcher)?.lesson.title == "One sigmoid neuron, by hand" && launcher.wantsTicks)
        _ = launcher.handle(.tick)
        let back = try #require(shownApp(launcher))
        #expect(back.lesson.title == "One neuron, edited meanwhile")
        #expect(back.leader.shown.position == TracePosition(epoch: 3, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(back.skipped == [0, 1] && back.message == "reloaded 01-one-neuron")
    }
}

/// Live reload of the lesson file.
@Suite struct LiveReloadTests {
    @Test func aSavedEditIsReloadedAtTheSamePositionAndABrokenOneKeepsTheLastGoodLesson() throws {
        let (path, text) = try copyOfLesson1()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        var app = try TraceApp(lesson: try Lesson.load(path: path))
        #expect(app.watchesLessonFile)
        app.tap(.escape, .escape, .character("u"), .character("u"), .right, .tab)
        app.tap(.character("b"), .character("a"))
        app.type("10")
        app.tap(.enter, .escape)
        let position = app.leader.shown.position
        #expect(position == TracePosition(epoch: 3, update: 1, step: .outputError(example: 1)))
        _ = app.handle(.tick)
        #expect(app.lesson.title == "One sigmoid neuron, by hand")

        // The instructor changes the title and η.
        try text.replacingOccurrences(of: "title: One sigmoid neuron, by hand", with: "title: One neuron, edited")
            .replacingOccurrences(of: "  eta: 1.0", with: "  eta: 0.5").write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        #expect(app.lesson.title == "One neuron, edited" && app.leader.settings.training.eta == 0.5)
        #expect(app.leader.shown.position == position && app.view == .minibatch)
        #expect(app.control.positionBreakpoints.map(\.typed) == ["10"])
        #expect(titleRow(screen(app)).contains("One neuron, edited"))
        #expect(screen(app).contains("reloaded 01-one-neuron"))

        // A mistake: the last good lesson stays, with the located error.
        try text.replacingOccurrences(of: "  eta: 1.0", with: "  eta: fast").write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        let problem = try #require(app.control.reloadProblem)
        #expect(problem.hasPrefix("\(path):14:8: error:"), "\(problem)")
        let shown = screen(app, width: 160, height: 48)
        #expect(shown.contains("The lesson file has an error") && shown.contains("01-one-neuron.yaml:14:8: error:"))
        #expect(app.lesson.title == "One neuron, edited" && app.leader.shown.position == position)
        // Fixed: reloaded, the error gone.
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        #expect(app.control.reloadProblem == nil && app.lesson.title == "One sigmoid neuron, by hand")
        #expect(app.leader.shown.position == position && !screen(app).contains("has an error"))
        // Cut to 2 epochs (and without its `expect:` claims and last beat about epoch 20, which
        // would be refused), the run has no epoch 3: it starts at its first step, and says why.
        let beforeClaims = try #require(text.components(separatedBy: "\nexpect:").first)
        let lastBeat = try #require(beforeClaims.range(of: "  - at: {epoch: 20, step: gradient-descent}"))
        let questions = try #require(beforeClaims.range(of: "questions:\n"))
        let withoutClaims = String(beforeClaims[..<lastBeat.lowerBound]) + String(beforeClaims[questions.lowerBound...])
        try withoutClaims.replacingOccurrences(of: "  epochs: 20", with: "  epochs: 2").write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        #expect(app.control.reloadProblem == nil, "\(app.control.reloadProblem ?? "")")
        #expect(app.leader.run.layout.epochs == 2 && app.leader.shown.index == 0)
        #expect(app.message == "reloaded 01-one-neuron: epoch 3, update 1, example 1, output error is not in the edited lesson, so it starts at its first step")
        #expect(app.control.positionBreakpoints.isEmpty)
    }
}
