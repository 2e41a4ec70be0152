import DeltaCore
import DeltaLessons
import DeltaText

/// The View of Model–Update–View: the whole screen for the current state. It computes the
/// values each widget draws from the model (what every pane shows, the focus, whether a
/// question hides the results, the lesson's words) and reads nothing that trains.
extension TraceApp {
    /// Draws the whole screen.
    public func render(into canvas: inout Canvas) {
        canvas.fill(canvas.bounds)
        guard canvas.width >= TraceApp.minimumWidth, canvas.height >= TraceApp.minimumHeight else {
            renderTooSmall(into: &canvas)
            return
        }
        let w = canvas.width, h = canvas.height
        renderTitle(into: &canvas, width: w)
        renderPosition(into: &canvas, y: 1, width: w)
        let statusY = h - 1
        let (main, chartRect, lessonRect) = areas(width: w, height: h)
        if let chartRect { chart.draw(into: &canvas, rect: chartRect) }
        if isCompare {
            renderCompare(into: &canvas, rect: main)
        } else {
            renderSingle(into: &canvas, rect: main)
        }
        if let problem = control.reloadProblem { ReloadNotice(problem: problem).draw(into: &canvas, rect: main) }
        lessonPane.draw(into: &canvas, rect: lessonRect)
        StatusBar(content: statusContent).draw(into: &canvas, y: statusY)
        if showHelp { helpOverlay.draw(into: &canvas) }
        if showBreakpointMenu { breakpointMenu.draw(into: &canvas) }
        if let selected = control.variantMenu { VariantMenu(choices: variantChoices, selected: selected).draw(into: &canvas) }
    }

    /// Whether the step's results are hidden because its question is waiting for an answer
    /// (in every pane, or another pane would give the answer away).
    var hidesResults: Bool {
        if case .answer = prompt { return true }
        return false
    }

    // MARK: Widgets' values

    /// The height of the lesson's box (with its border) on a screen of this size: as tall
    /// as its text, from one line up to a third of the screen, and never so tall that the
    /// main area above it has fewer than 13 rows (at 80×24: at most 6 lines); 4 lines at
    /// most on the smallest screen. A single run's network view that leaves rows of the main
    /// area empty (its network and equations drawn in full, the weights row included) gives
    /// them to the box when its text needs them. What does not fit is scrolled to with PgDn.
    func lessonPaneHeight(width: Int, height: Int) -> Int {
        let rowsAbove = 2, mainRows = 13, statusRows = 1
        let tallest = max(6, min(height / 3, height - rowsAbove - mainRows - statusRows))
        let wanted = max(lessonPane.lines(width: width - 2).count, 1) + 2
        let base = min(wanted, tallest)
        guard wanted > base, !isCompare, !showChart, view == .network else { return base }
        let main = Rect(x: 0, y: rowsAbove, width: width, height: height - rowsAbove - statusRows - base)
        let rects = singleAreas(main)
        guard rects.minibatch == nil else { return base }
        // Borders, and under the nodes the weights into the focused node (two rows).
        let network = NetworkView.preferredHeight(leader.shown.trace.network, width: rects.view.width - 2, image: lesson.image) + 2 + 2
        let equations = equationPanel.lines(width: rects.equations.width - 2, detail: .full).count + 2
        let spare = main.height - max(network, equations)
        return spare > 0 ? min(wanted, base + spare) : base
    }

    /// The help as the model has it: every key of the screen, its scroll, and the keys
    /// that scroll it named in its borders.
    var helpOverlay: HelpOverlay {
        var help = HelpOverlay(bindings: KeyBinding.traceScreen, scroll: helpScroll)
        if let down = KeyBinding.keyName(for: .scrollLessonDown) { help.moreBelow = "↓ more, \(down)" }
        if let up = KeyBinding.keyName(for: .scrollLessonUp) { help.moreAbove = "↑ more, \(up)" }
        return help
    }

    /// The lesson's box as the model has it: its entries, its scroll, whether a question
    /// waits, and the keys that scroll it named in its borders.
    var lessonPane: LessonPane {
        var pane = LessonPane(entries: lessonEntries, scroll: lessonScroll)
        if case .answer? = prompt { pane.asking = true }
        if let down = KeyBinding.keyName(for: .scrollLessonDown) { pane.moreBelow = "↓ more, \(down)" }
        if let up = KeyBinding.keyName(for: .scrollLessonUp) { pane.moreAbove = "↑ more, \(up)" }
        return pane
    }

    /// The main area of a single run: the chosen view on the left, the step's equations on
    /// the right (and on a wide terminal the minibatch sum beside them).
    ///
    /// The network takes the width it needs to show every node (numbers of 7 columns, 8 from
    /// 100 columns, 9 from 140), but leaves the equations at least ``minimumEquationWidth``
    /// columns; in less it shows fewer digits. A network it cannot show whole takes at most
    /// half the width (or 40 columns) for the focused node's neighbourhood.
    func renderSingle(into canvas: inout Canvas, rect main: Rect) {
        let shown = leader.shown
        let rects = singleAreas(main)
        renderMainView(shown, into: &canvas, rect: rects.view)
        equationPanel.draw(into: &canvas, rect: rects.equations)
        if let minibatch = rects.minibatch {
            MinibatchView(trace: shown.trace, step: shown.position.step, focus: shown.target(focus: focus), hidden: hidesResults)
                .draw(into: &canvas, rect: minibatch)
        }
    }

    /// The main area of several runs side by side, one ``ComparePane`` each: as many as
    /// have room (``comparePaneMinimumWidth``), the others a `p`/`P` away, as the title says.
    func renderCompare(into canvas: inout Canvas, rect main: Rect) {
        for (pane, rect) in comparePanes(main) { pane.draw(into: &canvas, rect: rect) }
    }


    /// The main area of a single run (the leader's): the network (every node, or for a wide
    /// layer the focused node's neighbourhood; inputs that are an image as a picture, an
    /// expanded example named by its row and change), the minibatch sum, or tables.
    func renderMainView(_ shown: ShownStep, into canvas: inout Canvas, rect: Rect) {
        let step = shown.position.step, target = shown.target(focus: focus)
        switch view {
        case .network:
            var network = NetworkView(trace: shown.trace, step: step, hidden: hidesResults, focus: target)
            network.image = lesson.image
            network.origins = leader.run.training.origins
            network.draw(into: &canvas, rect: rect)
        case .minibatch: MinibatchView(trace: shown.trace, step: step, focus: target, hidden: hidesResults).draw(into: &canvas, rect: rect)
        case .tables: TablesView(trace: shown.trace, step: step, focus: focus, hidden: hidesResults).draw(into: &canvas, rect: rect)
        }
    }

    /// The cost chart: each run's training cost (and validation cost), with the progress of
    /// training still under way.
    ///
    /// One run's series are named "training" and "validation"; in compare mode, to keep the
    /// legend short, a run's training cost is named by the run alone ("gentle-start"), or
    /// "NAME train" beside its validation cost "NAME val".
    var chart: ChartView {
        var series: [ChartView.Series] = []
        for (k, pane) in panes.enumerated() {
            let summaries = pane.run.epochSummaries, validates = pane.run.validation != nil
            let training = isCompare ? pane.name + (validates ? " train" : "") : "training"
            series.append(.init(name: training, values: summaries.map(\.cost), color: Theme.series[(2 * k) % Theme.series.count],
                                mark: ChartView.mark(series.count)))
            if validates {
                series.append(.init(name: isCompare ? pane.name + " val" : "validation", values: summaries.compactMap(\.validationCost),
                                    color: Theme.series[(2 * k + 1) % Theme.series.count], mark: ChartView.mark(series.count)))
            }
        }
        // While training, the axis is the planned length; after, the epochs each run trained.
        let epochs = isTraining ? panes.map(\.run.layout.epochs).max() ?? 1 : (series.map(\.values.count).max() ?? 1) - 1
        return ChartView(series: series, epochs: epochs, currentEpoch: leader.shown.position.epoch, progress: trainingProgress,
                         hidesValues: hidesResults, costsDiffer: Set(panes.map(\.settings.cost)).count > 1, readout: hidesResults ? [] : epochReadout)
    }

    /// The numbers of the epoch the chart's marker stands on — the network as the leader's
    /// epoch starts from it, after the epoch before — for each run: its mean training cost C,
    /// accuracy, and validation cost and accuracy where it has them (what `run` prints for
    /// that epoch), so that the numbers a lesson's words quote are on the screen.
    var epochReadout: [String] {
        let e = leader.shown.position.epoch - 1
        return panes.compactMap { pane in
            guard e >= 0, e < pane.run.epochSummaries.count else { return nil }
            let s = pane.run.epochSummaries[e]
            var parts = ["C " + NumberText.format(s.cost, digits: 4)]
            if let a = s.accuracy { parts.append("accuracy " + NumberText.format(a, digits: 4)) }
            if let c = s.validationCost { parts.append("validation C " + NumberText.format(c, digits: 4)) }
            if let a = s.validationAccuracy { parts.append("accuracy " + NumberText.format(a, digits: 4)) }
            let when = e == 0 ? "before training" : "after epoch \(e)"
            return (isCompare ? pane.name + ", " : "") + when + ": " + parts.joined(separator: ", ")
        }
    }

    /// Pane k of several side by side.
    func comparePane(_ k: Int) -> ComparePane {
        let pane = panes[k], shown = pane.shown
        let notShown = shown.trace.failure == nil ? "minibatch C not yet computed" : "minibatch C not computed: training stopped"
        var header = [minibatchCost(shown).map { "minibatch C = \($0)" } ?? notShown]
        // A pane whose run has no step at the leader's position (another batch size, or a
        // run that ended sooner) says where it is, and why.
        let elsewhere = shown.position != leader.shown.position
        if elsewhere {
            header[0] += " · here: \(StepText.position(shown.position))"
            if shown.isAtEnd, let ending = pane.run.ending, ending != .completed {
                header.append(Narrator.say(ending, epochs: pane.run.layout.epochs))
            }
        }
        // The same weight, node or bias in every pane, by name (w₁,₁,₂ beside w₁,₁,₂), where the
        // pane's step has it; its own place in the list only where it has no such target.
        let named = leader.shown.target(focus: focus).flatMap { shown.explanation.targets.firstIndex(of: $0) }
        var compared = ComparePane(title: "\(pane.name) · \(shown.trace.network.cost)", color: Theme.series[k % Theme.series.count], view: view,
                                   header: header, headerWarns: elsewhere, shown: shown, focus: named ?? focus, hidden: hidesResults)
        compared.image = lesson.image
        return compared
    }

    /// What the lesson's box says: the question being asked (first, with the line being
    /// typed), graded answers, a message, the narration, the score at the lesson's last step
    /// (or what the run is, or the lesson's summary). Narration written for an earlier step
    /// says which.
    var lessonEntries: [LessonPane.Entry] {
        var entries: [LessonPane.Entry] = []
        // While a question waits, it and the line being typed come first (with a message about
        // the typing under them), so that they are in view however small the box.
        if case .answer(let q, let text)? = prompt {
            let asking = pane(asking: q) ?? 0
            var label = asking == 0 ? "Question" : "Question (\(panes[asking].name))"
            if skipped.contains(q) { label += ", asked again" }
            entries.append(.question(label + ": " + lesson.questions[q].ask))
            let table = KeyBinding.answering
            let check = KeyBinding.keyName(for: .checkAnswer, in: table) ?? "", skip = KeyBinding.keyName(for: .skipQuestion, in: table) ?? ""
            entries.append(.typing("Your answer: " + text + "█   (\(check) to check · \(skip) to skip)"))
            if let message { entries.append(.message(message)) }
        }
        for q in questionsHere {
            guard let answer = answers[q], let truth = truth(of: q) else { continue }
            let verdict = answer.correct ? "✓ Right" : "✗ Not quite"
            entries.append(.verdict("\(verdict): the answer is \(NumberText.format(truth, digits: 6)); you said \(NumberText.format(answer.typed, digits: 6)).",
                                    correct: answer.correct))
            if let explain = lesson.questions[q].explain, prompt == nil { entries.append(.explanation(explain)) }
        }
        // A run stopped by `r` at a beat needs no message saying so: the beat is the next line.
        if !hidesResults, let message, !(message == TraceApp.narrationStop && narration.contains(where: \.fresh)) {
            entries.append(.message(message))  // (a waiting question's is above)
        }
        // While a question waits, only the asking run's narration is shown: another run's
        // beat may state the very number the question hides (the lesson's own beats are
        // proven not to by `check`).
        var narration = self.narration
        if case .answer(let q, _)? = prompt, let asking = pane(asking: q) { narration.removeAll { $0.pane != asking } }
        for (beat, fresh, k) in narration {
            // Side by side, narration written for only some of the runs says whose it is,
            // unless it is the leader's in a lesson written to open side by side.
            let forAll = panes.allSatisfy { $0.identity.beats(in: lesson).contains(beat) }
            let named = isCompare && !forAll && !(k == 0 && lesson.opensInCompare)
            // A beat of an earlier step says where it was written: its "here" is not this step.
            let earlier = fresh ? "" : "Earlier, at \(StepText.position(beat.at.position)): "
            entries.append(.beat((named ? panes[k].name + ": " : "") + earlier + beat.text, fresh: fresh))
        }
        // The score at the lesson's end comes after the last beat's words, which are about the
        // step in view.
        if leader.shown.isAtEnd && prompt == nil { entries += scoreEntries }
        if narration.isEmpty {
            if let runDescription {
                entries.append(.note(runDescription))
            } else if entries.isEmpty {
                entries.append(.note(lesson.summary))
            }
        }
        return entries
    }

    /// The status bar's content: the go-to prompt, the answering mode (its keys), `r`
    /// running, or the screen's keys.
    var statusContent: StatusBar.Content {
        switch prompt {
        case .goTo(let text)?: return .goTo(text)
        case .answer?: return .answering(KeyBinding.answering)
        case nil: return running ? .running : .keys(KeyBinding.traceScreen)
        }
    }

    /// The score at the end of the lesson: how many of its questions were answered right,
    /// wrong or not at all, each question with its position, and the key that asks the
    /// unanswered ones. Empty when the shown runs have no questions.
    var scoreEntries: [LessonPane.Entry] {
        let score = self.score
        let total = score.right.count + score.wrong.count + score.skipped.count
        guard total > 0 else { return [] }
        let late = score.right.filter { answers[$0]?.afterSkipping == true }.count
        let right = "\(score.right.count) right" + (late > 0 ? " (\(late) after skipping)" : "")
        var entries: [LessonPane.Entry] = [
            .score("Score: \(right) · \(score.wrong.count) wrong · \(score.skipped.count) skipped, of \(total) question\(total == 1 ? "" : "s")."),
        ]
        // Each question in the order the run reaches it.
        for q in askedQuestions {
            let line = "\(StepText.position(lesson.questions[q].at.position)): \(lesson.questions[q].ask)"
            let after = answers[q]?.afterSkipping == true ? " after skipping" : ""
            switch answers[q]?.correct {
            case true?: entries.append(.verdict("✓ right\(after) at " + line, correct: true))
            case false?: entries.append(.verdict("✗ wrong\(after) at " + line, correct: false))
            case nil: entries.append(.unanswered("○ skipped at " + line))
            }
        }
        if !score.skipped.isEmpty, let key = KeyBinding.keyName(for: .askSkipped) {
            entries.append(.message("Press \(key) to go back to the first skipped question and answer it."))
        }
        return entries
    }

    // MARK: Rows

    /// The title bar: the lesson, the runs shown, and on the right the progress of training,
    /// the speed while `r` runs, or the view and the help key.
    ///
    /// What is shown is never cut: the runs (a variant's name, the runs compared and which
    /// page of them is shown) come first; the lesson's title is dropped, then "DeltaTrace",
    /// before the runs are cut. After the runs, that the inputs are standardised
    /// (``scaledInputsNote``), where every run shown does.
    func renderTitle(into canvas: inout Canvas, width: Int) {
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Theme.title)
        let name = LessonName.of(lesson.file)
        let runs: String
        if isCompare {
            let shown = shownRuns(width: width)
            if shown.count == panes.count {
                runs = "compare: " + panes.map(\.name).joined(separator: " vs ")
            } else {
                let others = KeyBinding.binding(for: .nextRuns).map { " (\($0.statusKey): the others)" } ?? ""
                let which = shown.count == 1 ? "run \(shown.lowerBound + 1)" : "runs \(shown.lowerBound + 1)–\(shown.upperBound)"
                runs = "compare: \(which) of \(panes.count)" + others
            }
        } else {
            switch leader.identity {
            case .lesson: runs = ""
            case .variant(let variant): runs = "variant \(variant)"
            case .adHoc(let changes): runs = changes
            }
        }
        // The right end: training's progress while it lasts and the speed while `r` runs,
        // which are always shown; else the view and the help key, when they fit.
        let status = trainingProgress ?? (running ? "▶ " + control.speed.label : nil)
        let right = " " + (status ?? "\(view.rawValue) view · ? help") + " "
        let suffix = runs.isEmpty ? "" : " · " + runs
        let note = scaledInputsNote.map { " · " + $0 } ?? ""
        let full = " DeltaTrace · \(name) · \(lesson.title)" + suffix + note
        let showsRight = status != nil || full.count + 2 + right.count <= width
        let room = showsRight ? width - right.count - 1 : width
        // Shorter forms, the note kept as long as it fits, then without it.
        let shorter = [" DeltaTrace · \(name)" + suffix + note, " \(name)" + suffix + note,
                       " DeltaTrace · \(name) · \(lesson.title)" + suffix, " DeltaTrace · \(name)" + suffix, " \(name)" + suffix]
        var title: String
        if full.count <= room {
            title = full
        } else if let fits = shorter.first(where: { $0.count <= room }) {
            title = fits
        } else {
            title = " " + (runs.isEmpty ? name : runs)
            if title.count > room { title = String(title.prefix(max(0, room - 1))) + "…" }
        }
        canvas.put(title, x: 0, y: 0, style: Theme.title, clip: Rect(x: 0, y: 0, width: width, height: 1))
        if showsRight { canvas.put(right, x: width - right.count, y: 0, style: Theme.title) }
    }

    /// The minibatch's mean cost C for a header: "?" while a question waits for an answer
    /// (C may give the answer away); nil before the step that computes the last example's
    /// cost (C is the mean over all M examples, so it is not known until then) and in an
    /// update that stopped at a NaN or ∞ (whose later examples' costs were never computed).
    func minibatchCost(_ shown: ShownStep) -> String? {
        guard shown.trace.failure == nil,
              TraceFrame(trace: shown.trace, step: shown.position.step).isCostComputed(example: shown.trace.M) else { return nil }
        return hidesResults ? "?" : NumberText.format(shown.trace.cost)
    }

    /// The position line: epoch, update, example and step of the leader (and the cost of a
    /// single run), with the step's index on the right. Where it does not fit, whole parts
    /// are left out (see ``positionParts(width:)``): a number is never cut.
    func renderPosition(into canvas: inout Canvas, y: Int, width: Int) {
        let parts = positionParts(width: width)
        canvas.put(parts.left, x: 0, y: y, style: Theme.position)
        if let right = parts.right { canvas.put(right, x: width - right.count, y: y, style: Theme.label) }
    }

    /// The position line's text for a width: " epoch 1/300 · update 1/1 · example 1/1 ·
    /// output error l=1 · C = 0.482176" and on the right " step 2/1200 ". Parts that do
    /// not fit are left out whole, the least needed first: the step's index, the update when
    /// an epoch has only one, the cost C, the update, the example; the epoch and the kind of
    /// step always stay. An example is "example m/M" at a step of one example, and at a step
    /// of the whole minibatch "example 1/1" when it has one, else "all M examples". The cost
    /// is "C" with one example and "mean C" (over the minibatch) with several.
    func positionParts(width: Int) -> (left: String, right: String?) {
        let shown = leader.shown, p = shown.position, layout = leader.run.layout
        let M = layout.examples(inUpdate: p.update)
        let example = p.step.example.map { "example \($0)/\(M)" } ?? (M == 1 ? "example 1/1" : "all \(M) examples")
        // (text, rank): a part of lower rank is left out first; nil: never left out.
        var parts: [(text: String, rank: Int?)] = [
            ("epoch \(p.epoch)/\(layout.epochs)", nil),
            ("update \(p.update)/\(layout.updatesPerEpoch)", layout.updatesPerEpoch == 1 ? 1 : 3),
            (example, 4),
            (StepText.short(p.step, outputLayer: layout.layers), nil),
        ]
        // With several examples, C is their mean, not the example shown: say so.
        if !isCompare, let cost = minibatchCost(shown) { parts.append(((M == 1 ? "C" : "mean C") + " = \(cost)", 2)) }
        func left() -> String { " " + parts.map(\.text).joined(separator: " · ") }
        var right: String? = " step \(shown.index + 1)/\(layout.totalSteps) "
        while left().count + (right.map { $0.count + 1 } ?? 0) > width {
            if right != nil {
                right = nil
            } else if let drop = parts.indices.filter({ parts[$0].rank != nil }).min(by: { parts[$0].rank! < parts[$1].rank! }) {
                parts.remove(at: drop)
            } else {
                break
            }
        }
        return (left(), right)
    }

    /// The message for a terminal smaller than the screen needs.
    func renderTooSmall(into canvas: inout Canvas) {
        let lines = ["DeltaTrace needs a terminal of at least \(TraceApp.minimumWidth)×\(TraceApp.minimumHeight);",
                     "this one is \(canvas.width)×\(canvas.height). Enlarge it, or press q to quit."]
        for (k, line) in lines.enumerated() {
            let y = canvas.height / 2 - 1 + k
            let shown = wrap(line, width: canvas.width).first ?? ""
            canvas.put(shown, x: max(0, (canvas.width - shown.count) / 2), y: y, style: k == 0 ? Theme.warning : .plain)
        }
    }
}
