import DeltaText
import DeltaCore

/// One run of several side by side: a box in the run's colour with a header (its minibatch
/// cost, and where it is if it could not follow the leader), then by the screen's view: the
/// network if there is room and the step's equations and facts (network view), the sum over
/// the minibatch (minibatch view), or the layer's table of z, a, δ (tables view).
///
/// When not everything fits, the network drawing goes first (the equations repeat its
/// values), then the longer forms of the equations; the facts stay, since they are what
/// differs between the runs; what still does not fit scrolls. Side by side, the panes
/// share one ``Layout``, so that they look alike.
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
    /// The focused weight, node or bias of the pane's step.
    var focusedTarget: StepExplanation.Target? { shown.target(focus: focus) }
    /// Whether the results are hidden (a question asks for one).
    let hidden: Bool

    /// How the pane's network view is laid out; side by side, every pane is given the same
    /// (``TraceApp/renderCompare(into:rect:)``), so that the panes look alike.
    var layout: Layout?
    /// How many lines the equations are scrolled down, when they do not fit.
    var scroll = 0
    /// The markers of the equations' rows with more below and above (naming the keys).
    var more = (below: "↓ more", above: "↑ more")
    /// The shape of the inputs' picture the lesson declares (`data.image`), if any.
    var image: ImageShape? = nil

    /// The network view's layout: whether the network is drawn above the equations, and how
    /// much of the equations is shown.
    struct Layout: Equatable {
        /// Whether the network is drawn.
        var showsNetwork: Bool
        /// How much of the equations is shown.
        var detail: EquationPanel.Detail
    }

    /// The lines of the header at the inside's width.
    func headerLines(width: Int) -> [String] { header.flatMap { wrap($0, width: width) } }

    /// The part of the pane under its header.
    func body(of rect: Rect) -> Rect {
        let inner = rect.inset(1)
        let count = headerLines(width: inner.width).count
        return Rect(x: inner.x, y: inner.y + count, width: inner.width, height: max(0, inner.height - count))
    }

    /// The equation panel of the network view (unframed, with the pane's focus and scroll).
    var panel: EquationPanel {
        var panel = EquationPanel(explanation: shown.explanation, trace: shown.trace, focus: focus, hidden: hidden, framed: false)
        panel.scroll = scroll
        (panel.moreBelow, panel.moreAbove) = more
        return panel
    }

    /// The network drawing's height in the body (0 when it does not fit at all).
    func networkHeight(in body: Rect) -> Int {
        let network = shown.trace.network
        return NetworkView.fits(network, in: Rect(x: 0, y: 0, width: body.width, height: body.height / 2), image: image)
            ? min(body.height / 2, NetworkView.preferredHeight(network, width: body.width, image: image)) : 0
    }

    /// The equations' rectangle under the network (if drawn).
    func panelRect(in rect: Rect, showsNetwork: Bool) -> Rect {
        let body = body(of: rect)
        let top = body.y + (showsNetwork ? networkHeight(in: body) : 0)
        return Rect(x: body.x, y: top, width: body.width, height: max(0, body.maxY - top))
    }

    /// The layout this pane would choose alone: the network when it and every line of the
    /// equations fit, or whenever it fits while a question waits (its a and y are what the
    /// question is answered from; the equations then show less or scroll); and the most
    /// detail that fits under it.
    func preferredLayout(in rect: Rect) -> Layout {
        let body = body(of: rect)
        let height = networkHeight(in: body)
        let shows = height > 0 && (hidden || height + panel.lines(width: body.width, detail: .full).count <= body.height)
        return Layout(showsNetwork: shows, detail: panel.fitting(panelRect(in: rect, showsNetwork: shows)))
    }

    /// The layout for several panes side by side: the network only if every pane shows it,
    /// and the least detail any of them needs under that.
    static func commonLayout(_ panes: [(ComparePane, Rect)]) -> Layout {
        let shows = panes.allSatisfy { $0.0.preferredLayout(in: $0.1).showsNetwork }
        let details = panes.map { $0.0.panel.fitting($0.0.panelRect(in: $0.1, showsNetwork: shows)) }
        let detail = EquationPanel.Detail.allCases.last { details.contains($0) } ?? .full
        return Layout(showsNetwork: shows, detail: detail)
    }

    /// How far the equations scroll in this rectangle (0 when they fit).
    func maxScroll(in rect: Rect) -> Int {
        guard view == .network else { return 0 }
        let layout = layout ?? preferredLayout(in: rect)
        var panel = panel
        panel.detail = layout.detail
        return panel.maxScroll(in: panelRect(in: rect, showsNetwork: layout.showsNetwork))
    }

    /// Draws the pane into a rectangle.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = canvas.box(rect, title: title, style: Style(foreground: color), titleStyle: Style(foreground: color, bold: true))
        guard !inner.isEmpty else { return }
        canvas.lines(headerLines(width: inner.width).map { ($0, headerWarns ? Theme.warning : Theme.label) }, in: inner)
        let body = body(of: rect)
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
        let layout = layout ?? preferredLayout(in: rect)
        if layout.showsNetwork {
            var network = NetworkView(trace: shown.trace, step: shown.position.step, hidden: hidden, focus: shown.target(focus: focus), framed: false)
            network.image = image
            network.draw(into: &canvas, rect: Rect(x: body.x, y: body.y, width: body.width, height: networkHeight(in: body)))
        }
        var panel = panel
        panel.detail = layout.detail
        panel.draw(into: &canvas, rect: panelRect(in: rect, showsNetwork: layout.showsNetwork))
    }
}
