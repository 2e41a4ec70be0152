import DeltaCore

/// Where the network view puts each layer in a rectangle: one block per layer, one row per
/// node (`●₁,₂   z   a   δ`, and `y` beside an output node), the blocks flowing top to
/// bottom and then into the next column, like the lecture's figures read left to right.
///
/// A layout depends only on the layer sizes, the width of the targets' text, the shape of
/// the image the inputs are (if any) and the room;
/// ``best(for:targetWidth:width:height:widest:only:image:)`` tries every way of cutting the layers into
/// columns, with the inputs as a block, as a line on top or as a picture, at each width of
/// number, and keeps the one that hides the fewest nodes, then shows the most digits. A layer
/// with more nodes than rows shows a window of them (the focused node's neighbourhood: see
/// ``NetworkView``), so every network is drawn, however wide.
struct NetworkLayout: Hashable {
    /// How the inputs x are shown.
    enum Input: Hashable {
        /// As a block of one row per input, like the other layers.
        case block
        /// On the top lines of the view, side by side (`x₁ 0.51  x₂ 0.35`).
        case line(lines: Int, perLine: Int)
        /// As a picture of the image's shape, one character per pixel (an 8×8 digit).
        case picture(ImageShape)
    }

    /// One layer's block: where it is (relative to the view's inside) and how many of its
    /// nodes it shows.
    struct Block: Hashable {
        /// The layer l (0: the inputs).
        let layer: Int
        /// The column and row of its top left corner, from the inside's corner.
        var x: Int, y: Int
        /// Its width in columns.
        let width: Int
        /// The rows of nodes it shows (fewer than the layer's nodes: a window).
        var rows: Int
        /// Whether it shows fewer nodes than the layer has (then a title row says which).
        var isWindow: Bool
        /// Its height: a title row for a window, the header, the nodes.
        var height: Int { rows + (isWindow ? 2 : 1) }
    }

    /// The width of every number (NumberText.fitting's width).
    let numberWidth: Int
    /// How the inputs are shown.
    let input: Input
    /// The blocks, in layer order (the inputs' block first when ``input`` is a block or a picture).
    let blocks: [Block]
    /// The rows of the weights into the focused node, under the blocks.
    let weightRows: Int
    /// The row where the weights begin.
    let weightTop: Int
    /// The columns and rows the layout takes.
    let width: Int, height: Int
    /// Whether stacked blocks are separated by a blank row.
    let spaced: Bool
    /// Whether the nodes are labelled by j alone (`●2`), to save two columns a block.
    let shortLabels: Bool
    /// The number of columns of blocks.
    let columns: Int
    /// The nodes not shown (outside the windows); pixels of a picture are all shown.
    let hiddenNodes: Int

    /// Whether every node of every layer is shown.
    var isComplete: Bool { hiddenNodes == 0 }

    /// The fewest node rows a window shows.
    static let minimumWindow = 3
    /// The blank columns between two columns of blocks.
    static let gap = 2

    /// The width of a node's label: `●₁,₂` for layer l ≥ 1 (`●2` when short: the block's
    /// header names the layer), `x₃` for the inputs.
    static func labelWidth(_ sizes: [Int], layer l: Int, short: Bool = false) -> Int {
        l == 0 ? 1 + String(sizes[0]).count : short ? 1 + String(sizes[l]).count : 1 + String(l).count + 1 + String(sizes[l]).count
    }

    /// The width of layer l's block: label, then z, a, δ (and y for the output), each a
    /// space and a number; the inputs: label and x.
    static func blockWidth(_ sizes: [Int], layer l: Int, numberWidth w: Int, targetWidth: Int, short: Bool) -> Int {
        let label = labelWidth(sizes, layer: l, short: short)
        if l == 0 { return max(label + 1 + w, 5) }
        return label + 3 * (1 + w) + (l == sizes.count - 1 ? 1 + max(1, min(targetWidth, w)) : 0)
    }

    /// The shape of the picture n inputs make: the lesson's `image`, when it declares one of
    /// n pixels; without one, a square of at least 16 (64 inputs are drawn as 8×8).
    static func picture(inputs n: Int, image: ImageShape?) -> ImageShape? {
        if let image, image.count == n { return image }
        let side = Int(Double(n).squareRoot().rounded())
        return side >= 4 && side * side == n ? ImageShape(rows: side, columns: side) : nil
    }

    /// Every layout of a network that fits the room, and the best: every node shown, then
    /// full labels (●₁,₂), numbers of up to 7 columns, more rows of weights (up to 3: before
    /// and after an update), the fewest hidden nodes, wider numbers (up to `widest`), a
    /// picture or block of inputs over a line, blank rows between blocks, more columns, less
    /// height.
    ///
    /// With `only`, the layout of that one layer (l ≥ 1): what a view too small for the
    /// whole network shows of the layer the step touches. `image` is the lesson's shape of
    /// the inputs' picture (``picture(inputs:image:)``): a lesson that declares it is about
    /// images, so a layout with the picture wins over any without it that fits.
    static func best(for sizes: [Int], targetWidth: Int, width: Int, height: Int, widest: Int = 9, only: Int? = nil,
                     image: ImageShape? = nil) -> NetworkLayout? {
        preferringPicture(candidates(for: sizes, targetWidth: targetWidth, height: height, widest: widest, only: only, image: image)
            .filter { $0.width <= width }, image: image)
            .min { $0.score.lexicographicallyPrecedes($1.score) }
    }

    /// The layouts with the picture, when the lesson declares an image and some have it;
    /// else all of them.
    static func preferringPicture(_ layouts: [NetworkLayout], image: ImageShape?) -> [NetworkLayout] {
        guard image != nil else { return layouts }
        let pictures = layouts.filter { isPicture($0.input) }
        return pictures.isEmpty ? layouts : pictures
    }

    /// The narrowest width at which the best layout shows every node with numbers of at
    /// least `digits` columns; where no layout shows every node (a wide layer), the narrowest
    /// at which the fewest nodes are hidden.
    static func preferredWidth(for sizes: [Int], targetWidth: Int, height: Int, digits: Int, image: ImageShape? = nil) -> Int? {
        let all = preferringPicture(candidates(for: sizes, targetWidth: targetWidth, height: height, widest: digits, image: image), image: image)
        let fewest = all.map(\.hiddenNodes).min() ?? 0
        let good = all.filter { $0.hiddenNodes == fewest && !$0.shortLabels && $0.numberWidth >= digits }
        return (good.isEmpty ? all.filter { $0.hiddenNodes == fewest } : good).map(\.width).min()
    }

    /// The order of preference (smaller is better).
    var score: [Int] {
        let inputRank: Int
        switch input {
        case .picture: inputRank = 0
        case .block: inputRank = 1
        case .line: inputRank = 2
        }
        return [isComplete ? 0 : 1, shortLabels ? 1 : 0, -min(numberWidth, 7), -weightRows, hiddenNodes, -numberWidth, inputRank,
                spaced ? 0 : 1, -columns, height]
    }

    /// Every layout of the layers in a height, at each number width from 5 to `widest` (of
    /// layer `only` alone, when given: the inputs are then a line of no rows).
    static func candidates(for sizes: [Int], targetWidth: Int, height: Int, widest: Int, only: Int? = nil,
                           image: ImageShape? = nil) -> [NetworkLayout] {
        var out: [NetworkLayout] = []
        let L = sizes.count - 1
        var inputs: [Input] = [.line(lines: 0, perLine: 1)]
        if only == nil {
            inputs = [.block, .line(lines: 1, perLine: sizes[0]), .line(lines: 2, perLine: (sizes[0] + 1) / 2)]
            if let shape = picture(inputs: sizes[0], image: image) { inputs.append(.picture(shape)) }
        }
        for w in stride(from: max(widest, 5), through: 5, by: -1) {
            for input in inputs {
                var first = 0
                if case .line = input { first = 1 }
                let layers = only.map { [$0] } ?? Array(first...L)
                for weightRows in [3, 2, 1] {
                    for spaced in [true, false] {
                        for short in [false, true] {
                            // Every way of cutting the layers into consecutive columns.
                            for cuts in 0..<(1 << max(0, layers.count - 1)) {
                                if let layout = make(sizes, targetWidth: targetWidth, numberWidth: w, input: input, layers: layers, cuts: cuts,
                                                     weightRows: weightRows, spaced: spaced, short: short, height: height) {
                                    out.append(layout)
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// One layout: the layers cut into columns where the bits of `cuts` say, each column's
    /// blocks windowed (the largest first) until the column fits the height; nil when it
    /// cannot fit.
    static func make(_ sizes: [Int], targetWidth: Int, numberWidth w: Int, input: Input, layers: [Int], cuts: Int,
                     weightRows: Int, spaced: Bool, short: Bool, height: Int) -> NetworkLayout? {
        var top = 0
        var lineWidth = 0
        if case .line(let lines, let perLine) = input {
            top = lines
            lineWidth = perLine * (labelWidth(sizes, layer: 0) + 1 + w + 2) - 2
        }
        let room = height - top - weightRows
        guard room >= 2 else { return nil }
        var columns: [[Int]] = [[layers[0]]]
        for (k, l) in layers.enumerated().dropFirst() {
            if cuts & (1 << (k - 1)) != 0 { columns.append([l]) } else { columns[columns.count - 1].append(l) }
        }
        var blocks: [Block] = [], x = 0, hidden = 0, used = 0
        for column in columns {
            var column = column.map { l -> Block in
                if l == 0, case .picture(let shape) = input {
                    return Block(layer: 0, x: 0, y: 0, width: max(shape.columns, 5), rows: shape.rows, isWindow: false)
                }
                return Block(layer: l, x: 0, y: 0, width: blockWidth(sizes, layer: l, numberWidth: w, targetWidth: targetWidth, short: short),
                             rows: sizes[l], isWindow: false)
            }
            let spacing = spaced ? column.count - 1 : 0
            func total() -> Int { column.map(\.height).reduce(0, +) + spacing }
            // Window the block with the most node rows until the column fits (no window
            // shows fewer than minimumWindow nodes).
            while total() > room {
                guard let k = column.indices.filter({ !(column[$0].layer == 0 && isPicture(input)) && column[$0].rows > minimumWindow })
                    .max(by: { column[$0].rows < column[$1].rows }) else { return nil }
                let excess = total() - room + (column[k].isWindow ? 0 : 1)
                column[k].rows = max(minimumWindow, column[k].rows - excess)
                column[k].isWindow = true
            }
            var y = top
            let columnWidth = column.map(\.width).max() ?? 0
            for var block in column {
                block.x = x
                block.y = y
                y += block.height + (spaced ? 1 : 0)
                hidden += sizes[block.layer] - (block.layer == 0 && isPicture(input) ? sizes[0] : block.rows)
                blocks.append(block)
            }
            used = max(used, total())
            x += columnWidth + gap
        }
        let width = max(x - gap, lineWidth)
        return NetworkLayout(numberWidth: w, input: input, blocks: blocks, weightRows: weightRows, weightTop: top + used,
                             width: width, height: top + used + weightRows, spaced: spaced, shortLabels: short, columns: columns.count, hiddenNodes: hidden)
    }

    /// Whether the inputs are a picture.
    static func isPicture(_ input: Input) -> Bool {
        if case .picture = input { return true }
        return false
    }
}
