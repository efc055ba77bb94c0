namespace CrmSdkGen.Tests.Generator;

/// <summary>Small specs that each exercise a group of constructs.</summary>
internal static class TestSpecs
{
    /// <summary>OpenAPI 3.1 models: nullability, collections, enums, formats, inline objects.</summary>
    public const string Models = """
        openapi: 3.1.0
        info: { title: Models, version: "1" }
        paths: {}
        components:
          schemas:
            Stage:
              type: string
              description: Funnel stage.
              enum: [lead, customer, "in-progress", "1st"]
            Company:
              type: object
              description: A company record.
              required: [id, name, size, founded]
              properties:
                id: { type: string, format: uuid }
                name: { type: string }
                nickname: { type: ["string", "null"] }
                legalName: { type: ["string", "null"] }
                size: { type: integer, format: int32 }
                revenue: { type: number, format: decimal }
                rating: { type: number, format: float }
                score: { type: number }
                employees: { type: integer, format: int64 }
                founded: { type: string, format: date }
                updatedAt: { type: string, format: date-time }
                logo: { type: string, format: byte }
                active: { type: boolean }
                stage: { $ref: '#/components/schemas/Stage' }
                tags: { type: array, items: { type: string } }
                scores: { type: array, items: { type: ["integer", "null"] } }
                labels: { type: object, additionalProperties: { type: string } }
                metadata: { type: object }
                anything: {}
                address:
                  type: object
                  properties:
                    city: { type: string }
                    country: { type: string }
                deprecatedField: { type: string, deprecated: true }
        """;

    /// <summary>OpenAPI 3.0 operations: tags, parameters, bodies, results, errors, naming, deprecation, security.</summary>
    public const string Operations = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Operations", "version": "1" },
          "servers": [{ "url": "https://{region}.crm.example/v3", "variables": { "region": { "default": "eu" } } }],
          "security": [{ "key": [] }],
          "paths": {
            "/crm/v3/objects/contacts/{contactId}": {
              "parameters": [{ "name": "contactId", "in": "path", "required": true, "schema": { "type": "string" } }],
              "get": {
                "tags": ["Basic"],
                "operationId": "get-/crm/v3/objects/contacts/{contactId}_getById",
                "summary": "Read a contact",
                "description": "Reads one contact by id.",
                "parameters": [
                  { "name": "properties", "in": "query", "schema": { "type": "array", "items": { "type": "string" } }, "explode": false },
                  { "name": "archived", "in": "query", "schema": { "type": "boolean", "nullable": true } },
                  { "name": "X-Trace", "in": "header", "schema": { "type": "string", "format": "uuid" } },
                  { "name": "session", "in": "cookie", "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "The contact.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Contact" } } } },
                  "404": { "description": "Missing.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                  "default": { "description": "Error.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              },
              "patch": {
                "tags": ["Basic"],
                "operationId": "update",
                "deprecated": true,
                "requestBody": { "required": true, "content": { "application/merge-patch+json": { "schema": { "$ref": "#/components/schemas/Contact" } } } },
                "responses": { "200": { "description": "Updated.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Contact" } } } }, "204": { "description": "Nothing to return." } }
              },
              "delete": {
                "tags": ["Basic"],
                "security": [],
                "responses": { "204": { "description": "Archived." } }
              }
            },
            "/files/{fileId}/content": {
              "get": {
                "parameters": [{ "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } }],
                "responses": { "200": { "description": "The bytes.", "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } } }
              },
              "put": {
                "parameters": [{ "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } }],
                "requestBody": { "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
                "responses": { "200": { "description": "Stored.", "content": { "text/plain": { "schema": { "type": "string" } } } } }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "key": { "type": "apiKey", "in": "header", "name": "X-Key" },
              "token": { "type": "http", "scheme": "bearer" },
              "login": { "type": "http", "scheme": "basic" },
              "query_key": { "type": "apiKey", "in": "query", "name": "hapikey" }
            },
            "schemas": {
              "Contact": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "readOnly": true }, "email": { "type": "string", "nullable": true } } },
              "Error": { "type": "object", "required": ["message"], "properties": { "message": { "type": "string" } } }
            }
          }
        }
        """;

    /// <summary>Swagger 2.0 in JSON.</summary>
    public const string Swagger2 = """
        {
          "swagger": "2.0",
          "info": { "title": "Legacy CRM", "version": "2" },
          "host": "legacy.crm.example",
          "basePath": "/api",
          "schemes": ["https"],
          "paths": {
            "/deals": {
              "get": {
                "operationId": "listDeals",
                "parameters": [{ "name": "limit", "in": "query", "type": "integer", "format": "int32" }],
                "responses": { "200": { "description": "Deals.", "schema": { "type": "array", "items": { "$ref": "#/definitions/Deal" } } } }
              }
            }
          },
          "definitions": {
            "Deal": { "type": "object", "required": ["amount"], "properties": { "amount": { "type": "number", "format": "double" }, "closeDate": { "type": "string", "format": "date", "x-nullable": true } } }
          }
        }
        """;
}
