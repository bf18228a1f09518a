extension KubeAPIServer {
    /// Stores objects of any served kind (told apart by `apiVersion` and `kind`), as given
    /// (status included), and returns them as stored.
    ///
    /// - Throws: ``APIStatusError`` 400 for an object of a kind the double does not serve,
    ///   or what ``KubeObjectStore/create(_:_:namespace:)`` throws.
    @discardableResult
    public func seed(_ objects: KubeJSON...) throws -> [KubeJSON] {
        try objects.map { object in
            try store.create(try ServedResource.of(object), object)
        }
    }

    /// Stores the objects in JSON text: one object, an array of objects, or a `List`
    /// (`{"kind":"List","items":[…]}`).
    @discardableResult
    public func seed(json text: String) throws -> [KubeJSON] {
        let document = try KubeJSON.parse(text)
        let objects = document.arrayValue ?? document["items"]?.arrayValue ?? [document]
        return try objects.map { object in try store.create(try ServedResource.of(object), object) }
    }
}
