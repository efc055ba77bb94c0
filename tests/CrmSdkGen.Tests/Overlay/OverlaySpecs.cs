namespace CrmSdkGen.Tests.Overlay;

/// <summary>A HubSpot-shaped contacts spec and overlays of it, written for the overlay tests.</summary>
internal static class OverlaySpecs
{
    public const string Contacts = """
        openapi: 3.0.3
        info: { title: Contacts, version: "3" }
        paths:
          /crm/v3/objects/contacts:
            get:
              operationId: get-/crm/v3/objects/contacts_getPage
              tags: [Basic]
              responses:
                "200":
                  description: A page.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          results: { type: array, items: { $ref: '#/components/schemas/Contact' } }
          /crm/v3/objects/contacts/{contactId}:
            get:
              operationId: get-/crm/v3/objects/contacts/{contactId}_getById
              tags: [Basic]
              parameters:
                - { name: contactId, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: The contact.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Contact' }
          /crm/v3/objects/contacts/gdpr-delete:
            post:
              operationId: post-/crm/v3/objects/contacts/gdpr-delete_purge
              tags: [GDPR]
              deprecated: true
              responses:
                "204": { description: Purged. }
        components:
          schemas:
            Contact:
              type: object
              required: [id, properties]
              properties:
                id: { type: string }
                properties:
                  type: object
                  additionalProperties: { type: string }
            Error:
              type: object
              properties:
                message: { type: string }
        """;
}
