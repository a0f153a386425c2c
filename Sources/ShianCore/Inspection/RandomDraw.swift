/// The random draw of 双随机、一公开: businesses drawn at random from a filtered pool, each paired at
/// random with two inspectors who have no conflict with it. The seed is stored with the draw, so
/// anyone can run it again and get the same result.
public enum RandomDraw {
    public struct Candidate: Sendable, Equatable, Codable {
        public let id: String
        /// The grid (or place) the business belongs to.
        public let regionCode: String

        public init(id: String, regionCode: String) {
            self.id = id
            self.regionCode = regionCode
        }
    }

    public struct Inspector: Sendable, Equatable, Codable {
        public let id: String
        /// Where the inspector may act: only businesses under this code can be given to them
        /// (empty: anywhere).
        public let regionCode: String
        /// Grids the inspector is assigned to: a business in one of them is a conflict.
        public let gridCodes: Set<String>
        /// Businesses the inspector is named on (as cadre or relative): conflicts too.
        public let namedOn: Set<String>

        public init(id: String, regionCode: String = "", gridCodes: Set<String> = [], namedOn: Set<String> = []) {
            self.id = id
            self.regionCode = regionCode
            self.gridCodes = gridCodes
            self.namedOn = namedOn
        }

        /// True when the inspector may not be sent to the business: outside their region, assigned to
        /// its grid, or named on it.
        func conflicts(with business: Candidate) -> Bool {
            !business.regionCode.hasPrefix(regionCode) || gridCodes.contains(business.regionCode) || namedOn.contains(business.id)
        }
    }

    public struct Pairing: Sendable, Equatable, Codable {
        public let businessID: String
        /// Two inspectors (law enforcement is done in pairs); fewer when not enough are free of conflict.
        public let inspectorIDs: [String]
    }

    /// Draws `count` businesses from `pool` (sorted by id first, so the order the pool was read in
    /// does not matter) and pairs each with inspectors, all from one seeded generator.
    public static func draw(pool: [Candidate], inspectors: [Inspector], count: Int, seed: UInt64, inspectorsPerBusiness: Int = 2)
        -> [Pairing]
    {
        var generator = SeededGenerator(seed: seed)
        let businesses = pool.sorted { $0.id < $1.id }.shuffled(using: &generator).prefix(max(0, count))
        let sortedInspectors = inspectors.sorted { $0.id < $1.id }
        return businesses.map { business in
            let eligible = sortedInspectors.filter { !$0.conflicts(with: business) }.shuffled(using: &generator)
            return Pairing(businessID: business.id, inspectorIDs: eligible.prefix(inspectorsPerBusiness).map(\.id))
        }
    }
}
