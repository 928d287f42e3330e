/// The directory's services in id order, stored in blocks so that the preview can put one edited
/// service in place without copying the other 60,000 (a copy of one block, and of the short list
/// of blocks, when an earlier directory still holds them).
public struct ServiceList: RandomAccessCollection, Sendable {
    private static let shift = 9
    private static let blockSize = 1 << shift
    private var blocks: [[Service]]
    public let count: Int

    public init<Services: Sequence>(_ services: Services) where Services.Element == Service {
        var blocks: [[Service]] = []
        var block: [Service] = []
        block.reserveCapacity(Self.blockSize)
        var count = 0
        for service in services {
            block.append(service)
            count += 1
            if block.count == Self.blockSize {
                blocks.append(block)
                block = []
                block.reserveCapacity(Self.blockSize)
            }
        }
        if !block.isEmpty { blocks.append(block) }
        self.blocks = blocks
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The id of the service at `position`, read in place (iterating copies each service, a
    /// struct of many strings and arrays).
    public func id(at position: Int) -> String {
        blocks[position >> Self.shift][position & (Self.blockSize - 1)].id
    }

    public subscript(position: Int) -> Service {
        _read { yield blocks[position >> Self.shift][position & (Self.blockSize - 1)] }
        set { blocks[position >> Self.shift][position & (Self.blockSize - 1)] = newValue }
    }
}
