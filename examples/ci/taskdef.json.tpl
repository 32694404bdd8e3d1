{
  "family": "${SERVICE}",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "1 vCPU",
  "memory": "2 GB",
  "executionRoleArn": "arn:aws:iam::<ACCOUNT_ID>:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "<ACCOUNT_ID>.dkr.ecr.${AWS_REGION}.amazonaws.com/app:${GIT_SHA}",
      "essential": true,
      "portMappings": [{ "containerPort": ${PORT} }],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": { "awslogs-group": "/ecs/app", "awslogs-region": "${AWS_REGION}", "awslogs-stream-prefix": "app" }
      }
    }
  ]
}
