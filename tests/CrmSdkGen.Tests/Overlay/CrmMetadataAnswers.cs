namespace CrmSdkGen.Tests.Overlay;

/// <summary>Field metadata answers in the shapes HubSpot, Salesforce and Pipedrive document, with a portal's own fields.</summary>
internal static class CrmMetadataAnswers
{
    /// <summary>GET /crm/v3/properties/contacts: HubSpot's own properties and the portal's, of every type.</summary>
    public const string HubSpotContactProperties = """
        {
          "results": [
            { "name": "email", "label": "Email", "type": "string", "fieldType": "text", "hubspotDefined": true, "options": [] },
            { "name": "lifecyclestage", "label": "Lifecycle Stage", "type": "enumeration", "fieldType": "radio", "hubspotDefined": true,
              "options": [ { "label": "Lead", "value": "lead", "hidden": false }, { "label": "Customer", "value": "customer", "hidden": false },
                           { "label": "Old", "value": "retired", "hidden": true } ] },
            { "name": "num_employees", "label": "Number of Employees", "type": "number", "fieldType": "number", "hubspotDefined": true, "options": [] },
            { "name": "hs_createdate", "label": "Create Date", "type": "datetime", "fieldType": "date", "hubspotDefined": true,
              "modificationMetadata": { "readOnlyValue": true, "archivable": true, "readOnlyDefinition": true }, "options": [] },
            { "name": "contract_value", "label": "Contract value", "description": "Yearly, in the portal's currency.", "type": "number", "fieldType": "number", "options": [] },
            { "name": "is_vip", "label": "VIP", "type": "bool", "fieldType": "booleancheckbox", "options": [] },
            { "name": "renewal_date", "label": "Renewal date", "type": "date", "fieldType": "date", "options": [] },
            { "name": "favourite_colour", "label": "Favourite colour", "type": "enumeration", "fieldType": "select",
              "options": [ { "label": "Red", "value": "red" }, { "label": "Green", "value": "green" } ] },
            { "name": "interests", "label": "Interests", "type": "enumeration", "fieldType": "checkbox",
              "options": [ { "label": "Golf", "value": "golf" }, { "label": "Chess", "value": "chess" } ] },
            { "name": "notes_json", "label": "*/ \"; System.Environment.Exit(1); /*", "description": "</summary> #error injected", "type": "string", "fieldType": "textarea", "options": [] }
          ]
        }
        """;

    /// <summary>GET sobjects/Account/describe: standard fields and the org's custom ones.</summary>
    public const string SalesforceAccountDescribe = """
        {
          "name": "Account", "label": "Account", "custom": false,
          "fields": [
            { "name": "Id", "label": "Account ID", "type": "id", "custom": false, "nillable": false, "createable": false, "updateable": false, "length": 18 },
            { "name": "Name", "label": "Account Name", "type": "string", "custom": false, "nillable": false, "createable": true, "updateable": true, "length": 255 },
            { "name": "Region__c", "label": "Region", "type": "picklist", "custom": true, "nillable": true, "createable": true, "updateable": true, "length": 255,
              "picklistValues": [ { "value": "EMEA", "active": true }, { "value": "APAC", "active": true }, { "value": "LATAM", "active": false } ] },
            { "name": "Seats__c", "label": "Seats", "type": "double", "custom": true, "nillable": true, "createable": true, "updateable": true, "precision": 18, "scale": 0 },
            { "name": "Is_Key__c", "label": "Key account", "type": "boolean", "custom": true, "nillable": false, "createable": true, "updateable": true },
            { "name": "Renewal__c", "label": "Renewal", "type": "date", "custom": true, "nillable": true, "createable": true, "updateable": true },
            { "name": "Account_Code__c", "label": "Code", "type": "string", "custom": true, "nillable": true, "createable": true, "updateable": true, "length": 8 },
            { "name": "Score__c", "label": "Score", "type": "int", "custom": true, "nillable": true, "createable": false, "updateable": false, "calculated": true }
          ]
        }
        """;

    /// <summary>GET sobjects/Invoice__c/describe: a custom object, which no vendor spec has.</summary>
    public const string SalesforceInvoiceDescribe = """
        {
          "name": "Invoice__c", "label": "Invoice", "custom": true,
          "fields": [
            { "name": "Id", "label": "Record ID", "type": "id", "custom": false, "createable": false, "updateable": false, "length": 18 },
            { "name": "Amount__c", "label": "Amount", "type": "currency", "custom": true, "createable": true, "updateable": true },
            { "name": "Issued__c", "label": "Issued", "type": "datetime", "custom": true, "createable": true, "updateable": true }
          ]
        }
        """;

    /// <summary>The hash keys Pipedrive gives a company's custom person fields.</summary>
    public const string ColourKey = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

    public const string BudgetKey = "0f9e8d7c6b5a4938271605f4e3d2c1b0a9876543";

    public const string BirthdayKey = "1234567890abcdef1234567890abcdef12345678";

    /// <summary>GET /v1/personFields: Pipedrive's own fields (not editable) and the company's (hash keys).</summary>
    public const string PipedrivePersonFields = $$"""
        {
          "success": true,
          "data": [
            { "id": 1, "key": "name", "name": "Name", "field_type": "varchar", "edit_flag": false },
            { "id": 2, "key": "email", "name": "Email", "field_type": "varchar", "edit_flag": false },
            { "id": 9040, "key": "{{ColourKey}}", "name": "Favourite colour", "field_type": "enum", "edit_flag": true,
              "options": [ { "id": 27, "label": "Red" }, { "id": 28, "label": "Green" } ] },
            { "id": 9041, "key": "{{BudgetKey}}", "name": "Budget", "field_type": "monetary", "edit_flag": true },
            { "id": 9042, "key": "{{BirthdayKey}}", "name": "Birthday", "field_type": "date", "edit_flag": true },
            { "id": 9043, "key": "{{InterestsKey}}", "name": "Interests", "field_type": "set", "edit_flag": true,
              "options": [ { "id": 31, "label": "Golf" }, { "id": 32, "label": "Chess" } ] }
          ],
          "additional_data": { "pagination": { "start": 0, "limit": 100, "more_items_in_collection": false } }
        }
        """;

    public const string InterestsKey = "fedcba0987654321fedcba0987654321fedcba09";

    public const string StageReasonKey = "5555555555aaaaaaaaaabbbbbbbbbbcccccccccc";

    /// <summary>GET /api/v2/personFields: API v2 names a field by its field_code and marks the company's own with is_custom_field.</summary>
    public const string PipedrivePersonFieldsV2 = $$"""
        {
          "success": true,
          "data": [
            { "field_code": "name", "field_name": "Name", "field_type": "varchar", "is_custom_field": false, "is_optional_response_field": false },
            { "field_code": "{{ColourKey}}", "field_name": "Favourite colour", "field_type": "enum", "is_custom_field": true, "is_optional_response_field": false,
              "options": [ { "id": 27, "label": "Red" }, { "id": 28, "label": "Green" } ] },
            { "field_code": "{{BudgetKey}}", "field_name": "Budget", "field_type": "monetary", "is_custom_field": true, "is_optional_response_field": false,
              "subfields": [ { "field_code": "currency", "field_name": "Currency", "field_type": "varchar" } ] },
            { "field_code": "{{BirthdayKey}}", "field_name": "Birthday", "field_type": "date", "is_custom_field": true, "is_optional_response_field": false },
            { "field_code": "{{InterestsKey}}", "field_name": "Interests", "field_type": "set", "is_custom_field": true, "is_optional_response_field": false,
              "options": [ { "id": 31, "label": "Golf" }, { "id": 32, "label": "Chess" } ] }
          ],
          "additional_data": { "next_cursor": null }
        }
        """;

    /// <summary>GET /api/v2/dealFields: one custom field of a deal.</summary>
    public const string PipedriveDealFieldsV2 = $$"""
        {
          "success": true,
          "data": [
            { "field_code": "title", "field_name": "Title", "field_type": "varchar", "is_custom_field": false, "is_optional_response_field": false },
            { "field_code": "{{StageReasonKey}}", "field_name": "Stage reason", "field_type": "text", "is_custom_field": true, "is_optional_response_field": false }
          ],
          "additional_data": { "next_cursor": null }
        }
        """;
}
