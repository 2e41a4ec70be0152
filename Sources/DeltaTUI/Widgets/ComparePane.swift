import DeltaText
import DeltaCore

/// One run of several side by side: a box in the run's colour with a header (its minibatch
/// cost, and where it is if it could not follow the leader), then by the screen's view: the
/// network if there is room and the step's equations and facts (network view), the sum over
/// the minibatch (minibatch view), or the layer's table of z, a, δ (tables view).
///
/// When not everything fits, the network drawing goes first (the equations repeat its
/// values), then the longer forms of the equations; the facts stay, since they are what
/// differs between the runs.
struct ComparePane {
    /// The box's title: the run's name and cost.
    let title: String
    /// The run's colour.
    let color: Color
    /// What the pane shows below its header.
    let view: TraceApp.View
    /// The header lines, and whether they warn (the pane is not at the leader's step).
    let header: [String]
    /// Whether the header warns.
    let headerWarns: Bool
    /// What the pane shows of its run.
    let shown: ShownStep
    /// The index of the focused target.
    let focus: Int
    /// Whether the results are hidden (a question asks for one).
    let hidden: Bool

    /// Draws the pane into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = canvas.box(rect, title: title, style: Style(foreground: color), titleStyle: Style(foreground: color, bold: true))
        guard !inner.isEmpty else { return }
        let headerLines = header.flatMap { wrap($0, width: inner.width) }
        canvas.lines(headerLines.map { ($0, headerWarns ? Theme.warning : Theme.label) }, in: inner)
        let body = Rect(x: inner.x, y: inner.y + headerLines.count, width: inner.width, height: inner.height - headerLines.count)
        guard !body.isEmpty else { return }
        // The other views draw their own box, across the pane's width under its header.
        let boxed = Rect(x: rect.x, y: body.y, width: rect.width, height: rect.maxY - body.y)
        switch view {
        case .network: break
        case .minibatch:
            MinibatchView(trace: shown.trace, step: shown.position.step, focus: shown.target(focus: focus), hidden: hidden).draw(into: &canvas, rect: boxed)
            return
        case .tables:
            TablesView(trace: shown.trace, step: shown.position.step, focus: focus, hidden: hidden).draw(into: &canvas, rect: boxed)
            return
        }
        let network = shown.trace.network
        let panel = EquationPanel(explanation: shown.explanation, trace: shown.trace, focus: focus, hidden: hidden, framed: false)
        let full = panel.lines(width: body.width, detail: .full).count
        let networkHeight = NetworkView.fits(network, in: Rect(x: 0, y: 0, width: body.width, height: body.height / 2))
            ? min(body.height / 2, NetworkView.preferredHeight(network, width: body.width)) : 0
        var top = body.y
        if networkHeight > 0 && networkHeight + full <= body.height {
            NetworkView(trace: shown.trace, step: shown.position.step, hidden: hidden, focus: shown.target(focus: focus), framed: false)
                .draw(into: &canvas, rect: Rect(x: body.x, y: top, width: body.width, height: networkHeight))
            top += networkHeight
        }
        panel.draw(into: &canvas, rect: Rect(x: body.x, y: top, width: body.width, height: body.maxY - top))
    }
}
