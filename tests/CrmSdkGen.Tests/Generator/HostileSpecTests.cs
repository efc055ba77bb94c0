using CrmSdkGen.CSharp;
using CrmSdkGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Spec text cannot become code: hostile names, descriptions, enum values and defaults stay inert.</summary>
public sealed class HostileSpecTests
{
    private const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Evil\"; System.Environment.Exit(1); //", "version": "1\"); Exit(); //", "description": "*/ </summary> #error no\n#error no\u2028System.Environment.Exit(2);" },
          "servers": [{ "url": "https://x.example/\"); System.Environment.Exit(3); //" }],
          "paths": {
            "/things/{id}": {
              "get": {
                "tags": ["Tag\"; System.Environment.Exit(4); //"],
                "operationId": "get\"; System.Environment.Exit(5); //",
                "summary": "</summary><see cref=\"M:System.Environment.Exit(System.Int32)\"/>\n#error no",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "q\"); System.Environment.Exit(6); //", "in": "query", "description": "\r\n#error no", "schema": { "type": "string", "default": "\"; System.Environment.Exit(7); //" } },
                  { "name": "X-\"Header\"", "in": "header", "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "*/ System.Environment.Exit(8); /*", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Evil\"; System.Environment.Exit(9); #" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Evil\"; System.Environment.Exit(9); #": {
                "type": "object",
                "description": "*/ System.Environment.Exit(10); /* </summary>\u0000\u001b",
                "required": ["class"],
                "properties": {
                  "class": { "type": "string" },
                  "name\"; System.Environment.Exit(11); //": { "type": "string", "default": "\"; System.Environment.Exit(12); //\n\\", "description": "line\nSystem.Environment.Exit(13);", "pattern": "\"); System.Environment.Exit(14); //" },
                  "stage": { "type": "string", "enum": ["a\"; System.Environment.Exit(15); //", "b\\\"", "c\n#error no", "\u202Ed", "class", "", "1x"], "default": "c\n#error no" },
                  "count": { "type": "integer", "default": 3, "minimum": 0, "multipleOf": 1 }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void Hostile_spec_text_compiles_into_literals_and_comments_only()
    {
        var result = GeneratedCompilation.GenerateText(Spec);
        Assert.True(result.Files.Count > 0, string.Join("\n", result.Diagnostics.Select(diagnostic => diagnostic.Id + " " + diagnostic.Message)));
        var compilation = GeneratedCompilation.Compile(result);

        Assert.Empty(GeneratedCompilation.Problems(compilation));
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot();
            Assert.DoesNotContain(root.DescendantNodes().OfType<InvocationExpressionSyntax>(), call => call.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "Exit" } or IdentifierNameSyntax { Identifier.Text: "Exit" });
            Assert.DoesNotContain(root.DescendantTrivia(descendIntoTrivia: true), trivia => trivia.IsKind(SyntaxKind.ErrorDirectiveTrivia));
            Assert.DoesNotContain(root.DescendantNodes(descendIntoTrivia: true).OfType<XmlCrefAttributeSyntax>(), cref => cref.Cref.ToString().Contains("System.Environment", StringComparison.Ordinal));
        }

        Assert.Contains(result.Files.SelectMany(file => file.Content.Split('\n')), line => line.Contains("System.Environment.Exit(12)", StringComparison.Ordinal) && line.Contains("\\\"", StringComparison.Ordinal));
    }
}
