// Starts Swagger UI on /api/docs (kept out of the page so the CSP needs no inline script).
window.SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
