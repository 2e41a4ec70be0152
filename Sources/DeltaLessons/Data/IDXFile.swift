import Foundation

/// An IDX file, the format of the MNIST database: a magic number of 4 bytes — two zero
/// bytes, the type of the values (``ValueType``) and the number of dimensions d —, then d
/// sizes as 32-bit unsigned big-endian integers, then the values, big-endian, the last
/// dimension changing fastest. MNIST's images are `0x00000803` (unsigned bytes, 3
/// dimensions: images × rows × columns), its labels `0x00000801` (one byte per image).
///
/// Items are the entries of the first dimension (the images, the labels); each item's
/// values are the rest, in the file's order (an image's pixels in row-major order).
/// ``read(path:items:valueLimit:)`` checks the header against the file's size before it
/// allocates anything, and reads only the items asked for.
struct IDXFile: Sendable {
    /// The type of the values, the third byte of the magic number.
    enum ValueType: UInt8, Sendable, CaseIterable {
        /// 0x08: unsigned bytes, 0 … 255 (MNIST's pixels and labels).
        case ubyte = 0x08
        /// 0x09: signed bytes, −128 … 127.
        case sbyte = 0x09
        /// 0x0B: 16-bit signed integers.
        case short = 0x0B
        /// 0x0C: 32-bit signed integers.
        case int = 0x0C
        /// 0x0D: 32-bit IEEE floats.
        case float = 0x0D
        /// 0x0E: 64-bit IEEE doubles.
        case double = 0x0E

        /// The bytes of one value.
        var size: Int {
            switch self {
            case .ubyte, .sbyte: return 1
            case .short: return 2
            case .int, .float: return 4
            case .double: return 8
            }
        }

        /// The type in words, plural: "unsigned bytes".
        var name: String {
            switch self {
            case .ubyte: return "unsigned bytes"
            case .sbyte: return "signed bytes"
            case .short: return "16-bit integers"
            case .int: return "32-bit integers"
            case .float: return "32-bit floats"
            case .double: return "64-bit doubles"
            }
        }
    }

    /// Why a file cannot be read as IDX.
    enum Problem: Error, Sendable, Hashable {
        /// The file cannot be opened or read.
        case unreadable
        /// The file is gzip-compressed (MNIST is downloaded as `.gz`).
        case compressed
        /// The file ends after this many bytes, inside its header.
        case truncatedHeader(bytes: Int)
        /// The first four bytes are not an IDX magic number.
        case badMagic([UInt8])
        /// The magic number says 0 dimensions.
        case noDimensions
        /// The header's sizes and type need `expected` bytes (nil: more than can be counted),
        /// and the file has `actual`.
        case sizeMismatch(type: ValueType, dimensions: [Int], expected: Int?, actual: Int)
        /// The items asked for hold this many values, more than the limit.
        case tooManyValues(Int, limit: Int)
    }

    /// The type of the values.
    let type: ValueType
    /// The sizes of the dimensions as the header gives them, items first.
    let dimensions: [Int]
    /// The values of the items read, in file order.
    let values: [Double]

    /// The number of items the file holds (its first dimension).
    var itemCount: Int { dimensions[0] }
    /// The values per item: the product of the other dimensions (1 for a vector).
    var itemWidth: Int { dimensions.dropFirst().reduce(1, *) }
    /// The number of items read.
    var itemsRead: Int { values.count / max(itemWidth, 1) }

    /// Whether a file's first bytes say IDX (it starts with a zero byte, as CSV text never
    /// does) or gzip (`1f 8b`, which ``read(path:items:valueLimit:)`` refuses with a hint).
    static func isIDXOrCompressed(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: 2)) ?? Data())
        return start.first == 0 || start == [0x1f, 0x8b]
    }

    /// Reads the header and the values of the first `items` items (every item when nil).
    ///
    /// The size the header implies, 4 + 4d + (d₁ × … × d_d) × the value size, must be the
    /// file's size exactly; it is checked, and so is the number of values against
    /// `valueLimit`, before any value is read.
    static func read(path: String, items: Int? = nil, valueLimit: Int) throws(Problem) -> IDXFile {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
        defer { try? handle.close() }
        func bytes(_ n: Int) throws(Problem) -> [UInt8] {
            do { return [UInt8](try handle.read(upToCount: n) ?? Data()) } catch { throw .unreadable }
        }
        let magic = try bytes(4)
        if magic.starts(with: [0x1f, 0x8b]) { throw .compressed }
        guard magic.count == 4 else {
            if (magic.first ?? 0) == 0 { throw .truncatedHeader(bytes: magic.count) }
            throw .badMagic(magic)
        }
        guard magic[0] == 0, magic[1] == 0, let type = ValueType(rawValue: magic[2]) else { throw .badMagic(magic) }
        let d = Int(magic[3])
        guard d >= 1 else { throw .noDimensions }
        let sizes = try bytes(4 * d)
        guard sizes.count == 4 * d else { throw .truncatedHeader(bytes: 4 + sizes.count) }
        let dimensions = (0..<d).map { k in sizes[4 * k ..< 4 * k + 4].reduce(0) { $0 << 8 | Int($1) } }
        let header = 4 + 4 * d
        let actual: Int
        do { actual = Int(try handle.seekToEnd()) } catch { throw .unreadable }
        var expected: Int? = type.size
        for n in dimensions {
            guard let e = expected else { break }
            let (product, overflow) = e.multipliedReportingOverflow(by: n)
            expected = overflow ? nil : product
        }
        expected = expected.flatMap { e in
            let (sum, overflow) = e.addingReportingOverflow(header)
            return overflow ? nil : sum
        }
        guard expected == actual else { throw .sizeMismatch(type: type, dimensions: dimensions, expected: expected, actual: actual) }
        // The header matches the file, so these products fit: they are at most its size.
        let width = dimensions.dropFirst().reduce(1, *)
        let count = min(items ?? dimensions[0], dimensions[0]) * width
        guard count <= valueLimit else { throw .tooManyValues(count, limit: valueLimit) }
        do { try handle.seek(toOffset: UInt64(header)) } catch { throw .unreadable }
        let data = try bytes(count * type.size)
        guard data.count == count * type.size else { throw .unreadable }
        return IDXFile(type: type, dimensions: dimensions, values: values(of: data, type: type))
    }

    /// The values of big-endian bytes of a type.
    static func values(of data: [UInt8], type: ValueType) -> [Double] {
        if type == .ubyte { return data.map(Double.init) }
        let size = type.size
        var values: [Double] = []
        values.reserveCapacity(data.count / size)
        var k = 0
        while k < data.count {
            let word = data[k ..< k + size].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            switch type {
            case .ubyte: values.append(Double(word))
            case .sbyte: values.append(Double(Int8(truncatingIfNeeded: word)))
            case .short: values.append(Double(Int16(truncatingIfNeeded: word)))
            case .int: values.append(Double(Int32(truncatingIfNeeded: word)))
            case .float: values.append(Double(Float(bitPattern: UInt32(truncatingIfNeeded: word))))
            case .double: values.append(Double(bitPattern: word))
            }
            k += size
        }
        return values
    }
}
